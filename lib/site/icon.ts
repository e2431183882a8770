// The tab icon, inline in every page as a data: URL: a linked file would be one more request
// racing the page's first paint, for 300 bytes. The installed app's icons are in public/icons.
const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="7" fill="#1d4ed8"/>' +
  '<path d="M6 10h20v12H6z" fill="none" stroke="#fff" stroke-width="2.2" stroke-linejoin="round"/>' +
  '<path d="M6 10l10 7 10-7" fill="none" stroke="#fff" stroke-width="2.2" stroke-linejoin="round"/>' +
  "</svg>";

export const ICON_DATA_URL = `data:image/svg+xml,${encodeURIComponent(ICON_SVG)}`;
