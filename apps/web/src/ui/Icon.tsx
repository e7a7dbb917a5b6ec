import sprite from 'dkfds/dist/img/all-svg-icons.svg?no-inline';

export type IconName =
  | 'error'
  | 'warning'
  | 'success'
  | 'info'
  | 'download'
  | 'print'
  | 'lock'
  | 'menu'
  | 'close'
  | 'check'
  | 'notifications'
  | 'edit'
  | 'plus'
  | 'delete'
  | 'arrow-back';

/** A design-system icon from dkfds' sprite (a file of its own: `<use>` cannot take a data: URL). Decorative unless labelled. */
export function Icon({ name, label, className = '' }: { name: IconName; label?: string; className?: string }) {
  return (
    <svg className={`icon-svg ${className}`.trim()} focusable="false" {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}>
      <use href={`${sprite}#${name}`} />
    </svg>
  );
}
