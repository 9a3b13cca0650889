/** Whether `out` (a folder of the package, default dist) holds a build started after the last change to the sources. */
export function isBuilt(out?: string): boolean;
/** Builds into `out` (a folder of the package, default dist), replacing it once the build has succeeded. */
export function build(out?: string): void;
