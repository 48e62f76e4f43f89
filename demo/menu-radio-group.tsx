import { DropdownMenu } from 'radix-ui';
import { Check } from 'lucide-react';
import { useId } from 'react';

/** Props of {@link MenuRadioGroup}. */
export interface MenuRadioGroupProps {
  label: string;
  value: string;
  /** `lang` marks an option written in another language than the page (a language's own name). */
  options: { value: string; label: string; lang?: string }[];
  onValueChange: (value: string) => void;
}

/** A labelled group of exclusive choices in the avatar menu (Language, Theme), the chosen one ticked. */
export function MenuRadioGroup({ label, value, options, onValueChange }: MenuRadioGroupProps) {
  const labelId = useId();
  return (
    <>
      <DropdownMenu.Label id={labelId} className="demo-menu-label">
        {label}
      </DropdownMenu.Label>
      <DropdownMenu.RadioGroup
        aria-labelledby={labelId}
        value={value}
        onValueChange={onValueChange}
      >
        {options.map((option) => (
          <DropdownMenu.RadioItem
            key={option.value}
            value={option.value}
            lang={option.lang}
            className="demo-menu-item demo-menu-radio"
          >
            <DropdownMenu.ItemIndicator className="demo-menu-indicator">
              <Check aria-hidden size={14} />
            </DropdownMenu.ItemIndicator>
            {option.label}
          </DropdownMenu.RadioItem>
        ))}
      </DropdownMenu.RadioGroup>
    </>
  );
}
