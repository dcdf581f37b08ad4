/**
 * Base of the panel's elements: each shows texts from the widget's string table, which the panel
 * hands down (`.strings=${…}`) in the visitor's language; English until it does.
 */
import { LitElement, type PropertyDeclarations } from 'lit';
import { en, type WidgetStrings } from '../i18n/en.js';

export class PanelElement extends LitElement {
  static override properties: PropertyDeclarations = {
    strings: { attribute: false },
  };

  declare strings: WidgetStrings;

  constructor() {
    super();
    this.strings = en;
  }
}
