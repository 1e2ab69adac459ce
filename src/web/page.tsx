import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from './locale';

/**
 * A page's title (the `<h1>` and the document title, WCAG 2.4.2). After an in-app navigation the focus moves
 * to the new page's heading, so that keyboard and screen-reader users start reading at the new content
 * instead of at the link they left behind.
 */
export function Page({
  title,
  children,
  className,
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // react-router gives the first location of a visit the key 'default'; every navigation gets a new key.
  const { key } = useLocation();

  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (key !== 'default') heading.current?.focus();
  }, [key]);

  return (
    <div className={className ? `page ${className}` : 'page'}>
      <h1 ref={heading} tabIndex={-1} className="page__title">
        {title}
      </h1>
      {children}
    </div>
  );
}
