import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root and the static export directory, wherever the scripts are run from. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const OUT_DIR = path.join(REPO_ROOT, "out");
