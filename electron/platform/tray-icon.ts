/** The tray icon (32×32 PNG, an envelope), inline so it needs no file next to the bundle. */
export const TRAY_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAbElEQVR42u3Wyw2AIBREUXqxADug/65wb4Q37xNhcW/iUudEEmNrRHRS46eWgOvu0vXOc18KMBtUISmANaIgQoDIa149ywXwjitHJQGiwxZEAlSNfyFMQOXwDFLyHcggAAAAcDZg6w8JEe3oAe6n7iSGoy95AAAAAElFTkSuQmCC';
