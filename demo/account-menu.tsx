import { DropdownMenu } from 'radix-ui';
import { useId } from 'react';
import type { BuiltInLocale, ColorMode } from 'pipeline-connect';
import { isBuiltInLocale, isColorMode } from './demo-preferences';
import { MenuRadioGroup } from './menu-radio-group';
import type { DemoPreferencesState } from './use-demo-preferences';

/** Props of {@link AccountMenu}. */
export interface AccountMenuProps {
  preferences: DemoPreferencesState;
  /** Credentials that need attention (expired or invalid), badged on the avatar and Settings. */
  attention: number;
  onOpenSettings: () => void;
  onResetDemo: () => void;
}

const initials = 'AL';

/** Each language is named in itself, so a reader finds theirs whatever the current language. */
const languages: { value: BuiltInLocale; label: string; lang: BuiltInLocale }[] = [
  { value: 'en', label: 'English', lang: 'en' },
  { value: 'zh-Hans', label: '简体中文', lang: 'zh-Hans' },
];

const colorModes: ColorMode[] = ['light', 'dark', 'system'];

/** The host's avatar menu: Settings, Language, Theme and Reset demo. */
export function AccountMenu({
  preferences,
  attention,
  onOpenSettings,
  onResetDemo,
}: AccountMenuProps) {
  const { messages } = preferences;
  const attentionId = useId();
  return (
    // Not modal, and not in a portal: a modal menu sets aria-hidden on the whole page while it
    // stays focusable (axe: aria-hidden-focus, and the h1 hidden), and inside the header the list
    // stays in the banner landmark and under the shell's theme. Outside clicks still close it.
    <DropdownMenu.Root modal={false}>
      <span className="demo-avatar-wrap">
        <DropdownMenu.Trigger
          className="demo-avatar"
          aria-label={messages.accountMenu({ initials, attention })}
        >
          {initials}
        </DropdownMenu.Trigger>
        {/* Beside the button, not in it: its text would be part of what the button shows but
            not of its name (axe: label-content-name-mismatch). The name carries the count. */}
        {attention > 0 ? (
          <span className="demo-avatar-badge" aria-hidden>
            {attention}
          </span>
        ) : null}
      </span>
      <DropdownMenu.Content className="demo-menu" align="end" sideOffset={6} collisionPadding={8}>
        <DropdownMenu.Label className="demo-menu-label">Ada Lovelace</DropdownMenu.Label>
        {/* The count is said as the item's description, so the item is still named "Settings". */}
        <DropdownMenu.Item
          className="demo-menu-item"
          onSelect={onOpenSettings}
          aria-describedby={attention > 0 ? attentionId : undefined}
        >
          {messages.settings}
          {attention > 0 ? (
            <>
              <span className="demo-menu-count" aria-hidden>
                {attention}
              </span>
              <span id={attentionId} hidden>
                {messages.needAttention({ count: attention })}
              </span>
            </>
          ) : null}
        </DropdownMenu.Item>
        <DropdownMenu.Separator className="demo-menu-separator" />
        <MenuRadioGroup
          label={messages.language}
          value={preferences.locale}
          options={languages}
          onValueChange={(value) => {
            if (isBuiltInLocale(value)) preferences.setPreferences({ locale: value });
          }}
        />
        <DropdownMenu.Separator className="demo-menu-separator" />
        <MenuRadioGroup
          label={messages.theme}
          value={preferences.colorMode}
          options={colorModes.map((mode) => ({ value: mode, label: messages.themes[mode] }))}
          onValueChange={(value) => {
            if (isColorMode(value)) preferences.setPreferences({ colorMode: value });
          }}
        />
        <DropdownMenu.Separator className="demo-menu-separator" />
        <DropdownMenu.Item className="demo-menu-item" onSelect={onResetDemo}>
          {messages.resetDemo}
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
