export { createPersistedStore, badKey, type PersistedSpec, type PersistedStore } from "./persisted";
export { rehydrateAll, useHydrated } from "./hydration";
export { exportProgress, importProgress, type ImportResult } from "./transfer";
export { useCourseProgress, type CourseProgress } from "./course-store";
