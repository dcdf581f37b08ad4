/** Script-tag entry. Placeholder until the widget lands. */
export {};
