/**
 * Provider icons for the mock catalog: small glyphs drawn here (no trademarked artwork), served
 * as data URIs the way a backend may serve any image URL.
 */

function svgDataUri(body: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${body}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Icons by provider id. */
export const providerIcons = {
  notion: svgDataUri(
    '<rect x="2" y="2" width="20" height="20" rx="4" fill="#111"/>' +
      '<path d="M8 17V7l8 10V7" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/>',
  ),
  'jina-reader': svgDataUri(
    '<circle cx="12" cy="12" r="10" fill="#e4572e"/>' +
      '<path d="M8 8h8M8 12h8M8 16h5" stroke="#fff" stroke-width="2" stroke-linecap="round"/>',
  ),
  firecrawl: svgDataUri(
    '<path d="M12 2c1 4 6 6 6 12a6 6 0 0 1-12 0c0-3 2-5 3-6 0 2 1 3 2 3 0-3-1-6 1-9z" fill="#f97316"/>',
  ),
  'google-drive': svgDataUri(
    '<path d="M8.5 3h7l6.5 11h-7z" fill="#fbbc04"/>' +
      '<path d="M8.5 3 2 14l3.5 6 6.5-11z" fill="#0f9d58"/>' +
      '<path d="M5.5 20h13l3.5-6H9z" fill="#4285f4"/>',
  ),
  dropbox: svgDataUri(
    '<path d="m7 3 5 3.5L7 10 2 6.5zM17 3l5 3.5-5 3.5-5-3.5zM7 10l5 3.5L7 17l-5-3.5zM17 10l5 3.5-5 3.5-5-3.5z" fill="#0061fe"/>',
  ),
  onedrive: svgDataUri(
    '<path d="M6.5 19a4.5 4.5 0 0 1-.6-9A6 6 0 0 1 17.3 9a5 5 0 0 1 .2 10z" fill="#0a64d6"/>',
  ),
} as const satisfies Record<string, string>;
