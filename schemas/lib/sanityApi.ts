/** The Content Lake API version every client of this project asks for: the site, the Studio's own queries, Vision. */
export const SANITY_API_VERSION = '2025-02-19'
