"""How text still word for word last year's draft is marked: one look for the tab, slot and banner."""

DRAFT_STYLE = "background: #fff1c2; color: #7a4b00; border: 1px solid #e0b84d; border-radius: 3px; padding: 0 4px"
