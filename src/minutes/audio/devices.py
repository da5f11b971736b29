"""Input devices as PortAudio (through sounddevice) sees them, and resolving the one the user asked for.

PortAudio builds its device list once, when it is initialised; a microphone plugged in (or an audio
server started) later is only seen after :func:`rescan`. Run ``python -m minutes.audio.devices`` to
print the list, or ``python -m minutes.audio.devices SPEC`` to show which device SPEC resolves to.
"""

from __future__ import annotations

from dataclasses import dataclass

import sounddevice as sd

from minutes.errors import InputError


class DeviceError(InputError):
    """No usable input device, or none matching what the user asked for; the message says which exist."""


@dataclass(frozen=True)
class InputDevice:
    """One capture device."""

    index: int
    name: str
    host_api: str
    channels: int
    default_samplerate: float
    is_default: bool

    def describe(self) -> str:
        mark = " (default)" if self.is_default else ""
        return (
            f"[{self.index}] {self.name} — {self.host_api}, {self.channels} ch, "
            f"{self.default_samplerate:g} Hz{mark}"
        )


def rescan() -> None:
    """Re-initialise PortAudio so that devices (or an audio server) that appeared since start are seen.

    Only call this while no stream is open: PortAudio closes every stream when it terminates.
    """
    sd._terminate()
    sd._initialize()


def _default_input_index() -> int:
    try:
        default = sd.default.device[0]
        if isinstance(default, str):
            return int(sd.query_devices(default, "input")["index"])
        if default is None or int(default) < 0:
            return int(sd.query_devices(kind="input")["index"])
        return int(default)
    except (sd.PortAudioError, ValueError):
        return -1


def list_input_devices() -> list[InputDevice]:
    """All devices that can capture at least one channel, in PortAudio's order."""
    default = _default_input_index()
    hostapis = sd.query_hostapis()
    devices = []
    for info in sd.query_devices():
        if info["max_input_channels"] < 1:
            continue
        devices.append(
            InputDevice(
                index=int(info["index"]),
                name=str(info["name"]),
                host_api=str(hostapis[info["hostapi"]]["name"]),
                channels=int(info["max_input_channels"]),
                default_samplerate=float(info["default_samplerate"]),
                is_default=int(info["index"]) == default,
            )
        )
    return devices


def _available(devices: list[InputDevice]) -> str:
    return "; ".join(d.describe() for d in devices)


def resolve_device(spec: str | int | None = None) -> InputDevice:
    """The input device for ``spec``: None (the default device), an index, or a name.

    A name matches exactly first, then as a case-insensitive substring; a substring matching several
    devices is an error rather than a guess, because recording a whole session from the wrong
    microphone is the costly failure here.
    """
    devices = list_input_devices()
    if not devices:
        raise DeviceError(
            "No audio input device was found. Connect a microphone (or start the audio server) and try again."
        )
    if spec is None or (isinstance(spec, str) and not spec.strip()):
        for device in devices:
            if device.is_default:
                return device
        return devices[0]
    text = str(spec).strip()
    if text.lstrip("-").isdigit():
        index = int(text)
        for device in devices:
            if device.index == index:
                return device
        raise DeviceError(f"There is no input device number {index}. Available: {_available(devices)}.")
    exact = [d for d in devices if d.name == text]
    if exact:
        return exact[0]
    needle = text.casefold()
    partial = [d for d in devices if needle in d.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise DeviceError(
            f"The device name '{text}' matches several input devices; give more of the name or its "
            f"number. Matching: {_available(partial)}."
        )
    raise DeviceError(f"No input device matches '{text}'. Available: {_available(devices)}.")
