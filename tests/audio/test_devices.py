"""Listing and resolving input devices, against the virtual microphone and an empty machine."""

from __future__ import annotations

import pytest
import sounddevice as sd

from minutes.audio.devices import DeviceError, list_input_devices, resolve_device

from .conftest import DEVICE


def test_the_virtual_microphone_is_listed_and_resolvable(vmic) -> None:  # noqa: ANN001
    listed = list_input_devices()
    names = [d.name for d in listed]
    assert DEVICE in names
    assert sum(d.is_default for d in listed) == 1
    device = resolve_device(DEVICE)
    assert device.name == DEVICE and device.channels >= 1 and device.default_samplerate > 0
    assert device.host_api == "ALSA"
    assert resolve_device("MINUTES_VM") == device  # case-insensitive substring
    assert resolve_device(str(device.index)) == device
    assert resolve_device(device.index) == device
    assert resolve_device(None).is_default


def test_unknown_device_names_the_available_ones(vmic) -> None:  # noqa: ANN001
    with pytest.raises(DeviceError) as error:
        resolve_device("Studio Mic 3000")
    assert "Studio Mic 3000" in str(error.value) and DEVICE in str(error.value)
    with pytest.raises(DeviceError, match="no input device number 999"):
        resolve_device("999")


def test_no_input_device_at_all(monkeypatch) -> None:  # noqa: ANN001
    speakers_only = [{"index": 0, "name": "HDMI", "hostapi": 0, "max_input_channels": 0,
                      "max_output_channels": 2, "default_samplerate": 48000.0}]
    monkeypatch.setattr(sd, "query_devices", lambda *a, **k: speakers_only if not a and not k else {})
    monkeypatch.setattr(sd, "query_hostapis", lambda *a, **k: [{"name": "ALSA"}])
    assert list_input_devices() == []
    with pytest.raises(DeviceError, match="No audio input device"):
        resolve_device(None)
