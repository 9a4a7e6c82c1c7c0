const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** "3 December 2025": no numbers-only dates that read differently in different countries. */
export const formatDate = (iso: string): string => long.format(new Date(iso));
