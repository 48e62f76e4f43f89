import { useReactFlow } from '@xyflow/react';
import { X } from 'lucide-react';
import { useState } from 'react';
import { connectionLabel } from '../data-sources/connection-label';
import { credentialStatuses, type ConnectionState } from '../data-sources/connection-state';
import type { DataSourceNode, PipelineNode } from '../data-sources/pipeline-types';
import { ProviderIcon } from '../data-sources/provider-icon';
import { StatusIndicator } from '../data-sources/status-indicator';
import { useConnectionState } from '../data-sources/use-connection-state';
import type { Credential } from '../credentials/backend';
import { AddOAuthDialogs } from '../connect/add-oauth-dialogs';
import { ConnectControls } from '../connect/connect-controls';
import { useAddOAuth } from '../connect/use-add-oauth';
import { EditCredentialDialog } from '../dialogs/lazy-dialogs';
import { useMessages } from '../i18n/i18n-context';
import { CredentialList } from '../manage/credential-list';
import { useThemeAttributes } from '../theme/color-mode';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { CredentialSelect } from './credential-select';
import { PanelStateNotice } from './panel-state-notice';
import { RequiredScopes } from './required-scopes';
import { usePanelFocus } from './use-panel-focus';
import { useSelectedDataSource } from './use-selected-data-source';

/** Props of {@link DataSourcePanel}. */
export interface DataSourcePanelProps {
  className?: string;
  /** Shows an "Open in Settings" link that calls this with the provider's id. */
  onOpenSettings?: (providerId: string) => void;
}

/**
 * The side panel of the selected data-source node: **Connect** when it is not authorized, the
 * credential it uses and the provider's credentials when it is. Place it anywhere inside React
 * Flow's provider; it renders nothing while no single data-source node is selected. Escape or
 * the close button deselects the node, which closes the panel and gives focus back to the node;
 * opened from the keyboard, it takes focus (its heading). At 640 px and narrower it is a bottom
 * sheet over the canvas.
 */
export function DataSourcePanel({ className, onOpenSettings }: DataSourcePanelProps) {
  const node = useSelectedDataSource();
  if (!node) return null;
  // Keyed by node so switching nodes starts from a clean panel (no dialog left open).
  return (
    <PanelForNode key={node.id} node={node} className={className} onOpenSettings={onOpenSettings} />
  );
}

/** The credential the node reads with while it works (its permissions are worth listing). */
function grantInUse(state: ConnectionState): Credential | null {
  switch (state.status) {
    case 'connected':
    case 'missing-permission':
    case 'expiring':
      return state.credential;
    default:
      return null;
  }
}

function PanelForNode({
  node,
  className,
  onOpenSettings,
}: {
  node: DataSourceNode;
  className?: string;
  onOpenSettings?: (providerId: string) => void;
}) {
  const messages = useMessages();
  const m = messages.panel;
  const theme = useThemeAttributes();
  const flow = useReactFlow<PipelineNode>();
  const { providerId, credentialId, providerName } = node.data;
  const { state, name, error, provider, credentials, refetch } = useConnectionState(
    providerId,
    credentialId,
    providerName,
  );
  const { panelRef, headingRef, close } = usePanelFocus(node.id, state.status);
  const [editing, setEditing] = useState<Credential | null>(null);

  const pointNodeAt = (credential: Credential) => {
    flow.updateNodeData(node.id, { credentialId: credential.id });
  };
  const oauth = useAddOAuth({ providerId, onConnected: pointNodeAt });
  const reauthorize = (credential: Credential) => oauth.start({ credentialId: credential.id });

  const status = connectionLabel(state, messages);
  const usesCredential = credentialStatuses.has(state.status);
  const inUse = grantInUse(state);
  const offersConnect = usesCredential || state.status === 'not-connected';
  // The list's copy, so an edit is based on the version the backend has now.
  const edited = editing ? (credentials?.find((c) => c.id === editing.id) ?? editing) : null;

  return (
    <aside
      ref={panelRef}
      className={cn('pc-panel', className)}
      aria-label={m.label({ name })}
      data-status={state.status}
      {...theme}
    >
      <header className="pc-panel-header">
        <ProviderIcon src={provider?.icon} size={24} />
        <h2 ref={headingRef} className="pc-panel-title" tabIndex={-1} title={name}>
          {name}
        </h2>
        <Button size="icon" aria-label={m.close} onClick={close}>
          <X aria-hidden size={16} />
        </Button>
      </header>
      <p className="pc-panel-status" data-status={state.status} role="status">
        <StatusIndicator status={state.status} />
        <span className="pc-panel-status-text" title={status}>
          {status}
        </span>
      </p>

      <PanelStateNotice
        state={state}
        providerId={providerId}
        error={error}
        onRetry={refetch}
        onDeleteNode={() => void flow.deleteElements({ nodes: [{ id: node.id }] })}
        onReauthorize={reauthorize}
        onEdit={setEditing}
      />
      {usesCredential && credentials ? (
        <CredentialSelect
          credentials={credentials}
          value={credentialId}
          onChange={(next) => flow.updateNodeData(node.id, { credentialId: next })}
        />
      ) : null}
      {provider && inUse ? (
        <RequiredScopes provider={provider} credential={inUse} onReauthorize={reauthorize} />
      ) : null}
      {/*
       * One place in the tree for every state, so connecting (Not connected → Connected) keeps
       * these controls, and the dialog they opened gives focus back to a button that is still
       * there rather than to <body>.
       */}
      {provider && offersConnect ? (
        <ConnectControls
          provider={provider}
          primary={state.status === 'not-connected'}
          onAddOAuth={() => oauth.start()}
          onOpenClientSettings={oauth.openClientSettings}
          onCreated={pointNodeAt}
        />
      ) : null}
      {usesCredential && credentials ? (
        <section className="pc-panel-section" aria-labelledby={`pc-panel-manage-${node.id}`}>
          <h3 id={`pc-panel-manage-${node.id}`} className="pc-panel-subtitle">
            {m.manage}
          </h3>
          <CredentialList providerId={providerId} onReauthorize={reauthorize} />
        </section>
      ) : null}
      {onOpenSettings && provider ? (
        <Button variant="ghost" size="sm" onClick={() => onOpenSettings(providerId)}>
          {m.openSettings}
        </Button>
      ) : null}

      <AddOAuthDialogs oauth={oauth} />
      {edited ? (
        <EditCredentialDialog
          credential={edited}
          open
          onOpenChange={(open) => {
            if (!open) setEditing(null);
          }}
        />
      ) : null}
    </aside>
  );
}
