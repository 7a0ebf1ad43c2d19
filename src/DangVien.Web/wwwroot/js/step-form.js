// Moves the focus to a field of a step form, scrolled to the middle of the screen.
export function focusField(id) {
    const field = document.getElementById(id);
    if (field) {
        field.scrollIntoView({ block: "center" });
        field.focus({ preventScroll: true });
    }
}
