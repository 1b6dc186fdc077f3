/** The pause feature as other features use it: its offer buttons. */
export { pauseOfferButtons } from './offer-buttons';
