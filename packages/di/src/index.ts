/**
 * @brisk/di — dependency injection with plain functions: sub-dependencies, per-request caching,
 * teardown, app-scoped singletons and typed overrides. Knows nothing about HTTP.
 */
export {
  type Container,
  type ContainerOptions,
  createContainer,
  type DependencyPlan,
  type RequestScope,
} from './container.ts'
export {
  type Dependency,
  type DependencyContext,
  type DependencyOptions,
  dependency,
  type Fresh,
  fresh,
  isDependency,
  type Resolved,
  type Scope,
  type Unwrap,
  type Use,
  type Uses,
  type ValueOf,
} from './dependency.ts'
export { DependencyError, type DependencyErrorCode } from './dependency-error.ts'
