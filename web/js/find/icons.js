/**
 * Service icons of the result list: one emoji per station service (no image downloads), with the service's label
 * from /api/meta as text alternative.
 */
export const SERVICE_ICONS = Object.freeze({
  drinking_water: '💧',
  food_heating: '🍱',
  phone_charging: '📱',
  ebike_charging: '🔌',
  battery_swap: '🔋',
  toilet: '🚻',
  rest_seats: '🪑',
  shower: '🚿',
  truck_parking: '🚚',
  first_aid: '⛑️',
  wifi: '📶',
  books: '📚',
  legal_aid: '⚖️',
  discount_meals: '🍚',
});

/** The icon of a service code; a dot for codes this page does not know yet. */
export function serviceIcon(code) {
  return SERVICE_ICONS[code] ?? '•';
}

let emojiSupport = null;

/**
 * Whether this device draws colour emoji (checked once by drawing one on a canvas). Where it does not (e.g. a phone
 * without an emoji font), results show the services' short names instead of boxes.
 */
export function canShowEmoji() {
  if (emojiSupport !== null) {
    return emojiSupport;
  }
  emojiSupport = false;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = 24;
    canvas.height = 24;
    const g = canvas.getContext('2d', { willReadFrequently: true });
    g.textBaseline = 'top';
    g.font = '20px sans-serif';
    g.fillText('💧', 0, 0);
    const data = g.getImageData(0, 0, 24, 24).data;
    for (let i = 0; i < data.length; i += 4) {
      const [r, gr, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 0 && (Math.abs(r - gr) > 40 || Math.abs(gr - b) > 40 || Math.abs(r - b) > 40)) {
        emojiSupport = true;
        break;
      }
    }
  } catch {
    emojiSupport = false;
  }
  return emojiSupport;
}
