/** The shield mark beside the product name; decorative, the name beside it says what it is. */
export function Logo() {
  return (
    <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path
        class="logo-shield"
        d="M16 2.5 4.5 6.8v8.4c0 7.4 4.9 12.6 11.5 14.3 6.6-1.7 11.5-6.9 11.5-14.3V6.8L16 2.5Z"
      />
      <path class="logo-check" d="m10.5 16.2 3.8 3.8 7.4-7.6" />
    </svg>
  );
}
