// The reconnect dialog of ReconnectModal.razor: blazor.web.js raises "components-reconnect-state-changed" on it.
const modal = document.getElementById("components-reconnect-modal");
modal.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);
document.getElementById("components-reload-button").addEventListener("click", () => location.reload());

function onStateChanged(event) {
    switch (event.detail.state) {
        case "show":
            if (!modal.open) {
                modal.showModal();
            }
            break;
        case "hide":
            modal.close();
            break;
        case "failed":
            // Try again as soon as the person comes back to the tab.
            document.addEventListener("visibilitychange", retryWhenVisible);
            break;
        case "rejected":
            // The server no longer knows this circuit: a fresh page is the quickest way back.
            location.reload();
            break;
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: reconnected; false: the server answered but dropped the circuit; an exception: unreachable.
        if (!await Blazor.reconnect()) {
            if (await Blazor.resumeCircuit()) {
                modal.close();
            } else {
                location.reload();
            }
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        location.reload();
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
