/** The brand mark: the sun and the steppe eagle's wings of the state emblem's colours, drawn simply. Decorative. */
export function Emblem() {
  return (
    <svg className="emblem" viewBox="0 0 48 48" width="40" height="40" aria-hidden="true" focusable="false">
      <rect width="48" height="48" rx="10" fill="#00AFCA" />
      <circle cx="24" cy="21" r="8" fill="#FEC50C" />
      <g stroke="#FEC50C" strokeWidth="2.2" strokeLinecap="round">
        <path d="M24 7v4M24 31v0M12 12l3 3M36 12l-3 3M9 21h4M35 21h4" />
      </g>
      <path d="M7 33c6-4 11-5 17-2 6-3 11-2 17 2-6 0-11 1-17 5-6-4-11-5-17-5z" fill="#FEC50C" />
    </svg>
  );
}
