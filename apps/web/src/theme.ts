import {
  Alert,
  type CSSVariablesResolver,
  createTheme,
  Drawer,
  defaultVariantColorsResolver,
  FileInput,
  Loader,
  Modal,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Colours that pass WCAG AA contrast (4.5:1 for text): darker primary shade for filled buttons
 * and links, text on light badges darker than the darkest shade (teal or orange 9 alone fall
 * short on their tint), a darker "dimmed" grey and placeholder.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  return parsed.isThemeColor
    ? { ...colors, color: `color-mix(in srgb, var(--mantine-color-${parsed.color}-9) 70%, black)` }
    : colors;
};

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'md',
  variantColorResolver,
  // Buttons that show only an icon need a name for screen readers.
  components: {
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Dismiss' } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    FileInput: FileInput.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Clear the file' } } }),
    // A spinner is a live status; its aria-label is only allowed (and read) on an element with a role.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});

export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Error messages and the text of a field in error: red 9 is 5.6:1 on white (red 6 is 3.3:1).
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // 4.7:1 on white (Mantine's gray 5 is 2.1:1).
    '--mantine-color-placeholder': '#6c757d',
  },
  dark: {},
});
