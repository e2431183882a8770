/** Class set on <html> while a /demo link waits to be read, so the default frame stays hidden. */
export const DEMO_PENDING_CLASS = "demo-pending";
