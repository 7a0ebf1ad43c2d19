// Moves the focus to a field of a step form, scrolled to the middle of the screen.
export function focusField(id) {
    const field = document.getElementById(id);
    if (field) {
        field.scrollIntoView({ block: "center" });
        field.focus({ preventScroll: true });
    }
}

// A draft of a step form in this tab (sessionStorage: gone with the tab), so a restarted app or a lost circuit loses
// nothing that was typed. Storage that is full or off only means no draft.
export function saveDraft(key, json) {
    try { sessionStorage.setItem(key, json); } catch { /* no draft */ }
}

export function loadDraft(key) {
    try { return sessionStorage.getItem(key); } catch { return null; }
}

export function clearDraft(key) {
    try { sessionStorage.removeItem(key); } catch { /* nothing kept */ }
}
