// File names shared by the loader and the code around it. Kept apart from loadSnapshot.ts so that
// code which only needs a name (the screen's poll) does not pull in the parser and validator.

export const MANIFEST_FILE = 'manifest.json'
