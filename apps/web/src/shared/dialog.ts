import { type SyntheticEvent, useRef, useState } from 'react';

/**
 * A dialog about one item of a list (a pair, a field), mounted while it shows. It mounts already
 * open, so Mantine cannot tell where the focus was: this gives it back to the button that opened
 * it once the dialog has faded out (pass `exited` to the Modal's `onExitTransitionEnd`).
 */
export function useItemDialog<T>() {
  const [item, setItem] = useState<T | null>(null);
  const [opened, setOpened] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  return {
    item,
    opened,
    open: (value: T, event: SyntheticEvent<HTMLElement>) => {
      opener.current = event.currentTarget;
      setItem(value);
      setOpened(true);
    },
    close: () => setOpened(false),
    exited: () => {
      setItem(null);
      opener.current?.focus();
    },
  };
}
