// Front-end settings. Values the API also enforces come from @maillage/contracts.

export const APP_NAME = 'Maillage';

/** Where the chosen interface language is kept between visits. */
export const LANGUAGE_STORAGE_KEY = 'maillage.language';

/** The time zone every date is shown in, whatever the visitor's machine says. */
export const TIME_ZONE = 'Europe/Paris';

/** Images accepted for logos and photos (the API checks the bytes again). */
export const IMAGE_UPLOAD = {
  maxBytes: 5 * 1024 * 1024,
  mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
} as const;

/** Rows per page in the administration lists. */
export const ADMIN_PAGE_SIZE = 20;

/** Delay before a search-as-you-type request is sent. */
export const SEARCH_DEBOUNCE_MS = 250;
