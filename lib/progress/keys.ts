/**
 * The course store's localStorage key, apart from the store: a page checks it to learn whether
 * there is saved lesson progress to show before it loads the store and its schema.
 */
export const COURSE_KEY = "relay-lab:course";
