import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A heading that takes focus when it appears, so keyboard and screen-reader users land at the
 * start of a screen or step that replaced the previous one.
 */
export function FocusHeading({
  level = 1,
  children,
  autoFocus = true,
}: {
  level?: 1 | 2;
  children: ReactNode;
  autoFocus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag ref={ref} tabIndex={-1} className="focus-heading">
      {children}
    </Tag>
  );
}
