import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@maillage/contracts';

/** Each language's name, written in that language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

interface LanguageSwitchProps {
  value: Locale;
  onChange: (locale: Locale) => void;
}

/** The header's language menu (keyboard-usable Mantine Menu). */
export function LanguageSwitch({ value, onChange }: LanguageSwitchProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          px="xs"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('language.switch', { code: value.toUpperCase(), language: LANGUAGE_NAMES[value] })}
        >
          {value.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            aria-current={locale === value ? 'true' : undefined}
            rightSection={locale === value ? <IconCheck size={16} aria-hidden /> : null}
            onClick={() => onChange(locale)}
          >
            {LANGUAGE_NAMES[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
