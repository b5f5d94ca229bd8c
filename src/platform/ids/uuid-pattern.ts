/** Any UUID, as a path parameter must look before it reaches SQL (a malformed one is a 404, not a database error). */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
