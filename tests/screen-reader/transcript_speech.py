"""An Orca speech server that speaks into a file: each utterance Orca would
send to a synthesiser is appended, one JSON object a line, to the file named
by IOF_SR_TRANSCRIPT. Orca loads it as its speech factory (user-settings.conf
names it), so no speech-dispatcher runs, nothing can block on audio, and the
test reads back exactly what a listener would hear."""

import json
import os
import time

from orca import speechserver


def _write(kind, text, interrupt=None):
    path = os.environ.get("IOF_SR_TRANSCRIPT")
    if not path or not text:
        return
    line = {"t": round(time.time(), 3), "kind": kind, "text": text}
    if interrupt is not None:
        line["interrupt"] = bool(interrupt)
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")


class SpeechServer(speechserver.SpeechServer):
    _active = None

    @staticmethod
    def getFactoryName():
        return "Transcript"

    @staticmethod
    def getSpeechServers():
        return [SpeechServer.getSpeechServer()]

    @staticmethod
    def getSpeechServer(info=None):
        if SpeechServer._active is None:
            SpeechServer._active = SpeechServer()
        return SpeechServer._active

    @staticmethod
    def shutdownActiveServers():
        SpeechServer._active = None

    def getInfo(self):
        return ["Transcript", "transcript"]

    def getVoiceFamilies(self):
        return [speechserver.VoiceFamily({"name": "transcript", "lang": "en", "dialect": "", "variant": None})]

    def speak(self, text=None, acss=None, interrupt=True):
        _write("speak", text, interrupt)

    def speakCharacter(self, character, acss=None):
        _write("char", character)

    def speakKeyEvent(self, event, acss=None):
        _write("key", event.getKeyName())

    def sayAll(self, utteranceIterator, progressCallback):
        for context, acss in utteranceIterator:
            _write("sayall", context.utterance)
            progressCallback(context, speechserver.SayAllContext.COMPLETED)

    def isSpeaking(self):
        return False

    def stop(self):
        pass

    def shutdown(self):
        pass

    def reset(self, text=None, acss=None):
        pass

    def updateCapitalizationStyle(self):
        pass

    def updatePunctuationLevel(self):
        pass
