/** The archive kit: what a build writes besides the books, for posting to AO3, FanFiction.net and the Internet Archive. */
export { archiveFields, archiveIdentifier, archiveMetadataCsv, type ArchiveMetadataOptions } from './archive-metadata';
export { ao3Warnings, ffnGenres, FFN_GENRES, type Ao3Warning, type FfnGenre } from './archive-tags';
export { formatSha256sums, parseSha256sums, sha256sums, type ChecksumFile, type ChecksumLine } from './checksums';
export { languageName, marcLanguage } from './language';
export { licenceUrl } from './licence';
export { AO3_SUMMARY_LIMIT, FFN_SUMMARY_LIMIT, uploadSheet, workStatus } from './upload-sheet';
