/*
 * The dialogs' code, behind `import()` (see ./lazy-dialogs.tsx): one chunk for all five, so one
 * preload makes every dialog ready and one failure is retried once. Nothing else imports these
 * modules statically, or their code (react-hook-form, zod, Radix Dialog…) would be up front again.
 */
export { ApiKeyDialog } from './api-key-dialog';
export { EditCredentialDialog } from './edit-credential-dialog';
export { DeleteCredentialDialog } from './delete-credential-dialog';
export { OAuthClientSettingsDialog } from './oauth-client-settings-dialog';
export { OAuthStatusDialog } from './oauth-status-dialog';
