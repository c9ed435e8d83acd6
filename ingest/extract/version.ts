/**
 * Version of the figure-extraction behaviour. Stored with every extracted figure so figures read by an older
 * engine can be found and re-extracted. Bump the minor on any change of output for the same input.
 */
export const EXTRACTOR_VERSION = '1.123.0';
