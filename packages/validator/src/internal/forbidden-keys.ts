/** Keys that could reach `Object.prototype` if user code copies or merges the object. */
export function isForbiddenKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype'
}
