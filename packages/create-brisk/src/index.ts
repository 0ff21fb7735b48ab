/** create-brisk — writes a new Brisk project; `npm create brisk` runs its bin. */
export { type CreateProjectOptions, createProject } from './create-project.ts'
export { type PackageJsonOptions, packageJson } from './package-json.ts'
export { checkProjectName } from './project-name.ts'
export { readme } from './readme.ts'
export { isRuntime, RUNTIME_LABELS, RUNTIMES, type Runtime } from './runtimes.ts'
