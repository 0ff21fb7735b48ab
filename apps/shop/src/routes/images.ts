/**
 * An item's image: PNG or JPEG, told by its first bytes (not by the name or type the client
 * sends), at most 1 MiB, stored in the database. The client's filename is kept only as text.
 */
import { get, HTTPException, post } from '@brisk/router'
import * as v from 'valibot'
import { ImageInfo, ItemId } from '../schemas.ts'
import { assertMayChange, currentUser, oauth2 } from '../security.ts'
import { shop } from '../shop.ts'

const MAX_IMAGE_BYTES = 1_048_576
// Room for the multipart framing around the largest image; anything bigger is refused unread.
const MAX_BODY_BYTES = MAX_IMAGE_BYTES + 16_384

const SIGNATURES = [
  { type: 'image/png', extension: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', extension: 'jpg', bytes: [0xff, 0xd8, 0xff] },
] as const

function sniff(data: Uint8Array) {
  return SIGNATURES.find((signature) => signature.bytes.every((byte, i) => data[i] === byte))
}

const upload = post(
  '/{item_id}/image',
  {
    params: { item_id: ItemId },
    bodyType: 'multipart',
    body: v.object({ file: v.pipe(v.file(), v.description('A PNG or JPEG image, at most 1 MiB')) }),
    bodyLimit: MAX_BODY_BYTES,
    security: [oauth2.requireScopes(['items:write'])],
    deps: { user: currentUser, shop },
    status: 201,
    response: ImageInfo,
    responses: {
      404: { description: 'No such item' },
      413: { description: 'The image is larger than 1 MiB' },
      415: { description: 'Not a PNG or JPEG image' },
    },
    summary: "Upload an item's image (its owner or an admin)",
  },
  async ({ params, body, deps }) => {
    const item = await deps.shop.getItem(params.item_id)
    if (!item) throw new HTTPException(404, 'Item not found')
    assertMayChange(deps.user, item.owner)
    if (body.file.size > MAX_IMAGE_BYTES) {
      throw new HTTPException(413, 'The image is larger than 1 MiB')
    }
    const data = new Uint8Array(await body.file.arrayBuffer())
    const kind = sniff(data)
    if (!kind) throw new HTTPException(415, 'Only PNG and JPEG images are accepted')
    // Our own name: the client's filename never reaches a path, a header or the response.
    const filename = `item-${item.id}.${kind.extension}`
    if (!(await deps.shop.putImage(item.id, { filename, contentType: kind.type, data }))) {
      throw new HTTPException(404, 'Item not found') // deleted meanwhile
    }
    return { filename, content_type: kind.type, size: data.byteLength }
  },
)

const download = get(
  '/{item_id}/image',
  {
    public: true,
    params: { item_id: ItemId },
    deps: { shop },
    responses: {
      200: { description: 'The image bytes (image/png or image/jpeg)' },
      404: { description: 'No such item, or it has no image' },
    },
    summary: "An item's image",
  },
  async ({ params, deps }) => {
    const image = await deps.shop.getImage(params.item_id)
    if (!image) throw new HTTPException(404, 'Image not found')
    return new Response(image.data as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': image.contentType,
        'content-length': String(image.size),
        'content-disposition': `inline; filename="${image.filename}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    })
  },
)

export const images = [upload, download]
