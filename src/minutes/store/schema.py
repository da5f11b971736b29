"""The SQLite schema of ``workshop.sqlite`` and its migrations.

``PRAGMA user_version`` holds the schema version. Each migration is a script that takes the database
from version ``n`` to ``n + 1``; they run in order, inside one transaction, when a workshop is opened
for writing. Never edit a released migration: append a new one.
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema.
    """
    CREATE TABLE workshop (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        title TEXT NOT NULL DEFAULT '',
        dates TEXT NOT NULL DEFAULT '',
        venue TEXT NOT NULL DEFAULT '',
        organiser TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'auto',
        script TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO workshop (id) VALUES (1);

    CREATE TABLE participants (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL UNIQUE,
        date TEXT NOT NULL DEFAULT '',
        starts_at TEXT NOT NULL DEFAULT '',
        ends_at TEXT NOT NULL DEFAULT '',
        venue TEXT NOT NULL DEFAULT '',
        chair TEXT NOT NULL DEFAULT '',
        rapporteur TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'auto',
        audio_file TEXT NOT NULL DEFAULT '',
        duration REAL NOT NULL DEFAULT 0,
        transcribed_until REAL NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'new',
        summary TEXT NOT NULL DEFAULT '',
        recommendations TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE speakers (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL
    );
    CREATE INDEX speakers_by_session ON speakers(session_id);

    CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        start_s REAL NOT NULL,
        end_s REAL NOT NULL,
        speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
        language TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        provisional INTEGER NOT NULL DEFAULT 0,
        words TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX segments_by_time ON segments(session_id, start_s);

    CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        color TEXT NOT NULL DEFAULT '#808080',
        position INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        start_s REAL NOT NULL,
        end_s REAL NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        confidential INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX annotations_by_time ON annotations(session_id, start_s);

    CREATE TABLE annotation_tags (
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_id, tag_id)
    );
    """,
    # 2: speaker voices. A session speaker keeps the centroid of its voice embeddings and the participant
    # its voice resembles (a proposal until the user confirms it); voice profiles are per workshop and
    # deletable, since they are biometric data.
    """
    ALTER TABLE speakers ADD COLUMN embedding BLOB;
    ALTER TABLE speakers ADD COLUMN proposed_participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL;
    ALTER TABLE speakers ADD COLUMN proposal_score REAL;
    CREATE TABLE voice_profiles (
        id INTEGER PRIMARY KEY,
        participant_id INTEGER NOT NULL UNIQUE REFERENCES participants(id) ON DELETE CASCADE,
        embedding BLOB NOT NULL,
        samples INTEGER NOT NULL DEFAULT 1
    );
    """,
    # 3: the agenda's planned speakers of each session, drawn from the workshop roster.
    """
    CREATE TABLE session_participants (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (session_id, participant_id)
    );
    """,
    # 4: the workshop glossary (names, organisations, terms fed to Whisper) and English translations of
    # segments stored beside the original text.
    """
    CREATE TABLE glossary (
        id INTEGER PRIMARY KEY,
        term TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL DEFAULT 0
    );
    ALTER TABLE segments ADD COLUMN translation TEXT NOT NULL DEFAULT '';
    """,
    # 5: the secretariat's work. A session's review state (draft, reviewed, approved) with who set it and
    # when; a workshop-level executive summary; an owner and due date on action items; per segment whether
    # a reviewer checked it and which guards of the pipeline touched it (JSON list of flag names).
    """
    ALTER TABLE workshop ADD COLUMN summary TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN review_status TEXT NOT NULL DEFAULT 'draft';
    ALTER TABLE sessions ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN reviewed_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE segments ADD COLUMN checked INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE segments ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE annotations ADD COLUMN owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE annotations ADD COLUMN due TEXT NOT NULL DEFAULT '';
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
