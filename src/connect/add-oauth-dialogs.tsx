import { OAuthClientSettingsDialog, OAuthStatusDialog } from '../dialogs/lazy-dialogs';
import type { UseAddOAuthResult } from './use-add-oauth';

/** Props of {@link AddOAuthDialogs}. */
export interface AddOAuthDialogsProps {
  /** What `useAddOAuth` returned (only its `dialogs` are read). */
  oauth: Pick<UseAddOAuthResult, 'dialogs'>;
}

/**
 * The dialogs of **Add OAuth**: the flow's status dialog and **OAuth Client Settings**, as
 * `useAddOAuth` says they stand. A component of its own, not an element the hook returns, so the
 * hook stays state only and the caller places the dialogs in its own tree (they portal, so any
 * place under the provider will do).
 */
export function AddOAuthDialogs({ oauth }: AddOAuthDialogsProps) {
  return (
    <>
      <OAuthStatusDialog {...oauth.dialogs.status} />
      <OAuthClientSettingsDialog {...oauth.dialogs.clientSettings} />
    </>
  );
}
