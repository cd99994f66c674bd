# واجهة «قارئ» بالعربية.
#
# The same messages as en.ftl, with the same variables (a test checks both); see en.ftl for what
# each variable holds. Terms from shared/GLOSSARY-ar.md. Numbers passed as numbers are written
# in the interface's digits (Arabic-Indic by default); digits written here in the text are what
# the user types (0 for the terminal's width, exit codes) and stay Latin.
# Plural forms (CLDR, Arabic): zero 0; one 1; two 2; few 3–10 (and 103–110…); many 11–99
# (and 111–199…); other 100, 101, 102…: مقال واحد، مقالان، ٣ مقالات، ١١ مقالًا، ١٠٠ مقال.
# Always select with PLURAL($n), never on $n itself (see en.ftl): a test checks it.

## Hints in status bars: a key and what it does.

hint-help = { $key } مساعدة
hint-opens = { $key } فتح
hint-deletes = { $key } حذف
hint-undoes = { $key } تراجع
hint-filters = { $key } تصفية
hint-back = { $key } رجوع
hint-searches-again = { $key } بحث جديد
hint-searches = { $key } بحث
hint-updates-feeds = { $key } تحديث المواجز
hint-quits = { $key } خروج
hint-next-page = { $key } الصفحة التالية
hint-bookmarks-paragraph = { $key } إشارة مرجعية
hint-next-article = { $key } المقال التالي

## Loading the collection.

loading-looking = جارٍ البحث عن المقالات…
loading-reading = جارٍ تحميل المقالات… { $done } / { $total }

## The library.

library-status =
    { PLURAL($count) ->
        [zero] لا مقالات
        [one] مقال واحد
        [two] مقالان
        [few] { $count } مقالات
        [many] { $count } مقالًا
       *[other] { $count } مقال
    } · { $sort ->
        [date] مرتبة حسب التاريخ
        [file-time] مرتبة حسب وقت الملف (لا تاريخ في أي مقال)
       *[title] مرتبة حسب العنوان
    } · { PLURAL($skipped) ->
        [zero] لا ملفات متجاوزة
        [one] ملف متجاوز واحد
        [two] ملفان متجاوزان
        [few] { $skipped } ملفات متجاوزة
        [many] { $skipped } ملفًا متجاوزًا
       *[other] { $skipped } ملف متجاوز
    } · { $hints }
library-status-short =
    { PLURAL($count) ->
        [zero] لا مقالات
        [one] مقال واحد
        [two] مقالان
        [few] { $count } مقالات
        [many] { $count } مقالًا
       *[other] { $count } مقال
    } · { $hints }
skipped-files =
    { PLURAL($count) ->
        [zero] لا ملفات متجاوزة
        [one] ملف متجاوز واحد: { $key } لعرضه
        [two] ملفان متجاوزان: { $key } لعرضهما
        [few] { $count } ملفات متجاوزة: { $key } لعرضها
        [many] { $count } ملفًا متجاوزًا: { $key } لعرضها
       *[other] { $count } ملف متجاوز: { $key } لعرضها
    }
skipped-files-first =
    { PLURAL($count) ->
        [one] تم تجاوز { $path }: { $reason } ({ $key } لعرضه)
        [two] تم تجاوز ملفين، أولهما { $path }: { $reason } ({ $key } لعرضهما)
        [few] تم تجاوز { $count } ملفات، أولها { $path }: { $reason } ({ $key } لعرضها)
        [many] تم تجاوز { $count } ملفًا، أولها { $path }: { $reason } ({ $key } لعرضها)
       *[other] تم تجاوز { $count } ملف، أولها { $path }: { $reason } ({ $key } لعرضها)
    }
marked-read = عُلِّم المقال مقروءًا
marked-unread = عُلِّم المقال غير مقروء
not-saved = لم يُحفظ: { $error }
position-not-saved = لم يُحفظ موضع القراءة: { $error }
no-collection = لا مكتبة مفتوحة
no-such-article = لا يوجد هذا المقال
not-builtin = { $path }: لا يوجد هذا المقال في المكتبة المدمجة في البرنامج
path-error = { $path }: { $error }
last-article = هذا آخر مقال في المكتبة
first-article = هذا أول مقال في المكتبة
all-opened = فُتحت كل مقالات المكتبة
library-not-ready = ما زالت مكتبة هذا المجلد قيد القراءة: أعد المحاولة بعد قليل

## Reading the collection again.

not-reloaded = لم تُحدَّث المكتبة: { $error }
builtin-unchanging = المكتبة المدمجة في البرنامج لا تتغير
reloaded-unchanged = حُدِّثت المكتبة: لا تغيير على القرص
reloaded = حُدِّثت المكتبة من القرص — جديدة: { $added }، معدّلة: { $changed }، محذوفة: { $gone }

## Feeds (U in the library).

feeds-none = لا مواجز لتحديثها: أضف واحدًا بالأمر qari feeds add URL
feeds-updating = جارٍ تحديث المواجز… { $done } / { $total }
feeds-updated =
    { PLURAL($count) ->
        [zero] لا مقالات جديدة من المواجز
        [one] مقال جديد واحد من المواجز
        [two] مقالان جديدان من المواجز
        [few] { $count } مقالات جديدة من المواجز
        [many] { $count } مقالًا جديدًا من المواجز
       *[other] { $count } مقال جديد من المواجز
    }
feeds-failed =
    { PLURAL($count) ->
        [zero] لم يفشل أي موجز
        [one] فشل موجز واحد: { $names }
        [two] فشل موجزان: { $names }
        [few] فشلت { $count } مواجز: { $names }
        [many] فشل { $count } موجزًا: { $names }
       *[other] فشل { $count } موجز: { $names }
    }
feeds-not-updated = لم تُحدَّث المواجز: { $error }

## Searching.

search-cancelled = أُلغي البحث
not-found = لا نتائج لـ «{ $query }»
search-failed = فشل البحث: { $error }
nothing-to-search = لا شيء للبحث عنه: البحث يتجاهل الحركات والتطويل والمسافات
searching = جارٍ البحث… { $done } / { $total }  ({ $key } للإلغاء)
# Before the count is known (the folder being looked at).
searching-start = جارٍ البحث…  ({ $key } للإلغاء)
results-status =
    { PLURAL($count) ->
        [zero] لا مقالات تطابق
        [one] مقال واحد يطابق
        [two] مقالان يطابقان
        [few] { $count } مقالات تطابق
        [many] { $count } مقالًا يطابق
       *[other] { $count } مقال يطابق
    } «{ $query }»  ·  { $hints }

## The reader.

reader-position = ¶ { $paragraph }/{ $paragraphs }  صفحة { $page }/{ $pages }
reader-match = النتيجة { $current } من { $total }
reader-no-match = لا نتائج
direction-set =
    اتجاه الفقرات في هذا المقال: { $direction ->
        [majority] تلقائي (حسب أغلب الحروف)
        [auto] تلقائي (حسب أول حرف)
        [rtl] من اليمين إلى اليسار
       *[ltr] من اليسار إلى اليمين
    }
no-paragraph-for-note = لا فقرة في هذا المقال لإضافة ملاحظة
no-paragraph-for-bookmark = لا فقرة في هذا المقال لإضافة إشارة مرجعية
no-state-database = لا قاعدة بيانات للحالة: الإشارات المرجعية غير متاحة
# $error: the state database, and why its bookmarks cannot be read.
bookmarks-unavailable = تعذّر عرض الإشارات المرجعية: { $error }
bookmark-removed = أُزيلت الإشارة المرجعية
bookmark-added = أضيفت إشارة مرجعية إلى الفقرة { $paragraph } ({ $key } لإضافة ملاحظة)
note-saved = حُفظت الملاحظة على الفقرة { $paragraph }
bookmark-not-saved = لم تُحفظ الإشارة المرجعية: { $error }
note-not-saved = لم تُحفظ الملاحظة: { $error }
no-paragraph-to-copy = لا فقرة في هذا المقال لنسخها
copied =
    { PLURAL($count) ->
        [zero] لم يُنسخ أي حرف
        [one] نُسخ حرف واحد بترتيب القراءة
        [two] نُسخ حرفان بترتيب القراءة
        [few] نُسخت { $count } أحرف بترتيب القراءة
        [many] نُسخ { $count } حرفًا بترتيب القراءة
       *[other] نُسخ { $count } حرف بترتيب القراءة
    }

## The bookmarks screen.

bookmarks-status =
    { PLURAL($count) ->
        [zero] لا إشارات مرجعية
        [one] إشارة مرجعية واحدة
        [two] إشارتان مرجعيتان
        [few] { $count } إشارات مرجعية
        [many] { $count } إشارة مرجعية
       *[other] { $count } إشارة مرجعية
    } · { $hints }
bookmarks-status-filtered =
    { PLURAL($count) ->
        [zero] لا إشارات مرجعية
        [one] إشارة مرجعية واحدة
        [two] إشارتان مرجعيتان
        [few] { $count } إشارات مرجعية
        [many] { $count } إشارة مرجعية
       *[other] { $count } إشارة مرجعية
    } · تصفية: { $filter } · { $hints }
bookmarks-empty = لا إشارات مرجعية بعد. في المقال، { $key } يضيف إشارة مرجعية إلى الفقرة التي عند المؤشر.
bookmarks-no-match = لا شيء يطابق التصفية «{ $filter }».
bookmark-label = ¶{ $paragraph }
bookmark-label-orphaned = ¶{ $paragraph }؟
bookmark-when-note = { $when } · { $note }
bookmark-when-orphaned = { $when } · بلا فقرة: لم تعد الفقرة في المقال
bookmark-when-orphaned-note = { $when } · بلا فقرة · { $note }
bookmark-deleted = حُذفت الإشارة المرجعية ({ $key } للتراجع)
not-deleted = لم تُحذف: { $error }
bookmark-restored = استُعيدت الإشارة المرجعية
not-restored = لم تُستعد: { $error }
article-unreadable = { $path }: تعذّرت قراءة المقال

## Prompts in the status bar.

prompt-search = بحث:
prompt-note = ملاحظة:
prompt-filter = تصفية:
prompt-titles = العناوين:

## The help screen.

help-title = المفاتيح ({ $key } للإغلاق)
help-title-scroll = المفاتيح ({ $key } للإغلاق، { $down }/{ $up } للتمرير)
help-mouse-wheel = عجلة الفأرة
help-wheel-reader = تحريك مؤشر الفقرة.
help-wheel-list = تحريك التحديد.
action-quit = الخروج من «قارئ».
action-back = الرجوع إلى الشاشة السابقة.
action-help = إظهار هذه المساعدة أو إخفاؤها.
action-up = الصعود سطرًا.
action-down = النزول سطرًا.
action-page-up = الصعود شاشة كاملة.
action-page-down = النزول شاشة كاملة.
action-first = الذهاب إلى أول مقال، أو أول صفحة.
action-last = الذهاب إلى آخر مقال، أو آخر صفحة.
action-open = فتح العنصر المحدد.
action-toggle-sort = ترتيب المكتبة حسب التاريخ، ثم حسب العنوان.
action-filter = تصفية العناوين أثناء الكتابة (Esc يمسحها).
action-toggle-read = تعليم المقال المحدد مقروءًا، أو غير مقروء من جديد.
action-reload = إعادة قراءة المكتبة من القرص.
action-update-feeds = جلب المواجز وحفظ مقالاتها الجديدة في المكتبة.
action-show-skipped = عرض الملفات المتجاوزة وسبب تجاوز كل منها.
action-next-page = الصفحة التالية.
action-prev-page = الصفحة السابقة.
action-page-left = الصفحة إلى اليسار: التالية في النص المكتوب من اليمين إلى اليسار.
action-page-right = الصفحة إلى اليمين: التالية في النص المكتوب من اليسار إلى اليمين.
action-next-article = المقال التالي في المكتبة.
action-prev-article = المقال السابق في المكتبة.
action-next-unread = المقال غير المقروء التالي في المكتبة.
action-cycle-direction = اتجاه الفقرات هنا: تلقائي، من اليمين إلى اليسار، من اليسار إلى اليمين.
action-next-paragraph = نقل المؤشر إلى الفقرة التالية.
action-prev-paragraph = نقل المؤشر إلى الفقرة السابقة.
action-search = بحث (في سطر الإدخال: ←/→ Home End Ctrl-U Ctrl-W، و↑/↓ لعمليات البحث السابقة).
action-next-match = الذهاب إلى النتيجة التالية (Esc يمسح البحث).
action-prev-match = الذهاب إلى النتيجة السابقة.
action-toggle-bookmark = إضافة إشارة مرجعية إلى الفقرة عند المؤشر (مرة ثانية: إزالتها).
action-edit-note = إضافة ملاحظة إلى الإشارة المرجعية للفقرة أو تعديلها.
action-bookmarks = عرض كل الإشارات المرجعية.
action-delete = حذف الإشارة المرجعية المحددة.
action-undo = التراجع عن آخر حذف.
action-copy = نسخ الفقرة (أو التحديد) بترتيب القراءة.
action-select = تحديد فقرات: مفاتيح الفقرات توسّع التحديد، والنسخ ينسخه، وEsc يلغيه.
action-suspend = إيقاف «قارئ» مؤقتًا (fg يعيده).
action-half-page-down = التمرير إلى الأسفل نصف صفحة (التحديد في قائمة).
action-half-page-up = التمرير إلى الأعلى نصف صفحة (التحديد في قائمة).
action-scroll-down = تمرير النص سطرًا إلى الأسفل.
action-scroll-up = تمرير النص سطرًا إلى الأعلى.
action-open-in-browser = فتح صفحة المقال على الويب (رابطه `url`) في المتصفح (‏$BROWSER، وإلا xdg-open).
action-feeds = المواجز ومقالاتها غير المقروءة (Enter: مكتبة موجز واحد).

## Skipped files.

skipped-title = الملفات المتجاوزة ({ $key } للإغلاق)
skipped-line = { $path }: { $reason }
skipped-none = لم يُتجاوز أي ملف.
skip-empty = ملف فارغ
skip-binary = ملف ثنائي (فيه بايتات NUL)، لا نص
skip-damaged = نص { $encoding } تالف (تسلسلات غير صالحة: { $invalid }، حروف سليمة: { $intact })
skip-undecodable = ترميز غير معروف: ليس UTF-8 (تسلسلات غير صالحة: { $invalid }) ولا { $guess }، أرجح الترميزات القديمة؛ حوّل الملف إلى UTF-8
skip-no-text = لا نص في الملف
skip-no-article = صفحة ويب لم يُعثر فيها على نص مقال
skip-link-loop = حلقة روابط رمزية (مجلد سبقت قراءته)
skip-not-regular = ليس ملفًا عاديًا
skip-cannot-list = تعذّر سرد محتوى المجلد: { $error }
# The system's English message is left out where Arabic can say it (the test allows it).
skip-not-found = الملف غير موجود
skip-permission-denied = لا إذن بقراءة الملف
skip-io = { $error }

## qari doctor.

doctor-not-set = (غير معيّن)
doctor-label-terminal = الطرفية
doctor-label-colours = الألوان
doctor-label-copying = النسخ
doctor-not-a-terminal = المخرج القياسي ليس طرفية: لم يُسأل شيء
doctor-bdsm =
    { $state ->
        [set] معروف، ضمني (الطرفية تعيد الترتيب ما لم يُطلب منها غير ذلك)
        [reset] معروف، صريح (الطرفية تعرض الخلايا كما هي)
        [permanently-set] معروف، ضمني دائمًا
        [permanently-reset] معروف، صريح دائمًا
        [not-recognised] غير معروف
       *[no-answer] لا جواب
    }
doctor-auto =
    { $choice ->
        [app-explicit] «قارئ» يرتّب النص؛ ويُطلب من الطرفية ألا تعيد الترتيب (BDSM صريح)
        [app] «قارئ» يرتّب النص (لا يُعرف أن الطرفية تعيد الترتيب)
        [app-mlterm] «قارئ» يرتّب النص، مع إيقاف ثنائية الاتجاه الخاصة بـ mlterm (OSC 5379 use_ctl=false)
        [app-konsole] «قارئ» يرتّب النص، مع إيقاف ثنائية الاتجاه الخاصة بـ Konsole (OSC 50 BidiRenderingEnabled=false)
        [app-kitty] «قارئ» يرتّب النص، ويسلّم kitty كل مقطع من اليمين إلى اليسار معكوسًا (لأن kitty يرسم هذه المقاطع من اليمين إلى اليسار)
       *[terminal] الطرفية تتولى ثنائية الاتجاه: «قارئ» يسلّمها النص بترتيبه المنطقي
    }
doctor-colours =
    { $colours ->
        [truecolor] ٢٤ بت (COLORTERM)
        [256] ٢٥٦ لونًا (TERM)
       *[basic] ٨ أو ١٦ لونًا
    }
doctor-tmux-on = داخل tmux مع set-clipboard on: النسخ يعمل
doctor-tmux-external = داخل tmux مع set-clipboard external: النسخ يصل إلى الطرفية الخارجية، لا إلى مخازن tmux
doctor-tmux-other = داخل tmux مع set-clipboard { $setting }: أضف `set -g set-clipboard on` إلى ~/.tmux.conf
doctor-screen = داخل GNU screen: لا يمرّر OSC 52؛ لن يصل النسخ إلى الحافظة
doctor-osc52 = OSC 52 مباشرة إلى الطرفية: يعمل في أغلبها (يحتاج xterm إلى allowWindowOps أو disallowedWindowOps بدون SetSelection)
doctor-app-only = هكذا يرسم القارئ العربية هنا (مع ‎--bidi auto أو app):
doctor-terminal-verdict =
    { $choice ->
        [mlterm] ‏يُقرأ الوضعان صحيحًا في mlterm: يأخذ auto الوضع ‎app (تخطيط «قارئ» نفسه)، والوضع ‎--bidi terminal يسلّم mlterm النص بترتيبه المنطقي فيرتّبه بنفسه (وشريط الحالة بترتيبه هو). ثنائية الاتجاه الخاصة بـ mlterm مفتاح واحد للنافذة كلها، فلا يُعرض السطر المنطقي هنا؛ وتبقى موقوفة حتى يُغلق «قارئ» في المرة القادمة.
        [konsole] ‏الوضع ‎--bidi terminal لا يُقرأ صحيحًا في Konsole (يعكس كل كلمة بدل كل سطر): استعمل auto أو app. تبقى ثنائية الاتجاه الخاصة بـ Konsole موقوفة حتى يُغلق «قارئ» في المرة القادمة.
       *[kitty] ‏الوضع ‎--bidi terminal لا يُقرأ صحيحًا في kitty (لا يدعم ثنائية الاتجاه: تأتي الكلمات بترتيب خاطئ): استعمل auto أو app.
    }
doctor-which =
    أي السطرين يُقرأ صحيحًا (من اليمين إلى اليسار، بحروف متصلة، وأقواس متجهة
    نحو النص)؟ ذلك هو الوضع المناسب لهذه الطرفية:

## Key bindings from the config ([keys]).

keys-unknown-action = [keys]: إجراء غير معروف `{ $name }`
keys-unknown-key = [keys] { $name }: مفتاح غير معروف `{ $key }`

## The command line: errors and notices on stderr.

cli-no-home = لا مجلد منزل: تعذّرت معرفة مكان حفظ الحالة
cli-cannot-read-article = { $path }: تعذّرت قراءة هذا المقال
cli-no-paragraph = { $path }: لا فقرة رقمها { $paragraph } (عدد فقرات المقال: { $count })
cli-no-bookmark = لا إشارة مرجعية رقمها { $id }
cli-orphaned = (بلا فقرة)
cli-not-a-number = `{ $value }` ليس عددًا من الخانات
cli-too-narrow = العرض { $n } ضيق جدًا للقراءة: استخدم { $min } خانة أو أكثر، أو 0 لعرض الطرفية كله
cli-no-such-path = { $path }: لا يوجد ملف أو مجلد بهذا الاسم
cli-skipped = ملف متجاوز { $path }: { $reason }
cli-skipped-again =
    { PLURAL($count) ->
        [zero] لا ملفات متجاوزة
        [one] ملف متجاوز واحد، كما في المرة السابقة (‎--verbose لعرضه)
        [two] ملفان متجاوزان، كما في المرة السابقة (‎--verbose لعرضهما)
        [few] { $count } ملفات متجاوزة، كما في المرة السابقة (‎--verbose لعرضها)
        [many] { $count } ملفًا متجاوزًا، كما في المرة السابقة (‎--verbose لعرضها)
       *[other] { $count } ملف متجاوز، كما في المرة السابقة (‎--verbose لعرضها)
    }
cli-needs-terminal = واجهة القراءة تحتاج إلى طرفية، والمخرج القياسي ليس طرفية (في السكربتات: qari list، qari search، qari render)
cli-no-term = لا كلمة في الاستعلام للبحث عنها
cli-index-rebuilt = { $error }؛ أُعيد بناء الفهرس
cli-stdin = <الدخل القياسي>
cli-bad-clock = القيمة QARI_NOW={ $value } ليست وقتًا: اكتبها هكذا 2026-03-01T12:00:00+03:00 (RFC 3339) أو @SECONDS
cli-invalid-utf8 = السطر { $line }: ترميز UTF-8 غير صالح عند البايت { $column }
config-text-width = يجب ألا يقل text_width عن { $min }، أو 0 لعرض الطرفية كله
config-not-a-colour = [theme] { $name } = "{ $value }" ليس لونًا (اسم مثل "red" أو "lightblue"، أو #rrggbb، أو 0-255)

## The command line's --help.

cli-about = قارئ الأخبار العربية في الطرفية
cli-arg-path = مجلد مقالات (بمجلداته الفرعية) أو مقال واحد؛ الافتراضي: `collection` في الإعدادات، وإلا فمقالات الأمثلة المدمجة في البرنامج
cli-arg-bidi = من يتولى ثنائية الاتجاه: `auto` يسأل الطرفية (الافتراضي)، و`app` هو «قارئ» (للطرفيات التي لا تدعمها أو التي طُلب منها ألا تعيد الترتيب)، و`terminal` يسلّم الطرفية النص بترتيبه المنطقي
cli-arg-shape = تشكيل الحروف العربية: `auto` يشكّلها في وضع `app` فقط
cli-arg-text-width = عرض عمود القراءة بالخانات: 20 أو أكثر، أو 0 لعرض الطرفية كله (الافتراضي: `text_width` في الإعدادات، وإلا 80)
cli-arg-lang = لغة الواجهة: ar (العربية) أو en (الافتراضي: `lang` في الإعدادات، وإلا لغة النظام)
cli-render = ترتيب النص للطرفية مثل `fribidi`: كل سطر من المدخل فقرة
cli-render-file = الملف المقروء، أو - للدخل القياسي
cli-render-width = لفّ الأسطر على هذا العدد من الخانات (0: بلا لفّ)
cli-render-dir = اتجاه الفقرة: `auto` قاعدة يونيكود (أول حرف قوي يحدده، كما في FriBidi)؛ `majority` قاعدة القارئ (اتجاه أغلب الحروف القوية)
cli-render-no-shape = دون أشكال العرض العربية (للطرفيات التي تشكّل الحروف بنفسها)
cli-render-order = طباعة الأسطر مرتبة للعرض (visual) أو قطعًا منطقية من المدخل (logical)
cli-render-align = محاذاة أسطر الفقرات المكتوبة من اليمين إلى اليسار إلى اليمين، على عرض --width
cli-search = البحث في المكتبة (بما يناسب العربية): سطر لكل فقرة مطابقة، `path<TAB>paragraph<TAB>text` (الفقرة 0 هي العنوان). رمز الخروج 0 إن وُجدت نتيجة، و1 إن لم توجد
cli-search-query = كلمات تفصل بينها مسافات؛ "العبارة بين علامتي تنصيص" كلمة واحدة. يجب أن ترد كلها
cli-search-path = مجلد أو ملف (الافتراضي: كما في واجهة القراءة)
cli-search-files-with-matches = طباعة مسارات المقالات المطابقة فقط
cli-search-count = طباعة `path<TAB>matches` لكل مقال مطابق
cli-search-json = كائن JSON لكل نتيجة، مع موضعها بالبايت في النص الأصلي
cli-bookmarks = الإشارات المرجعية للفقرات: عرض، إضافة، إزالة، تصدير
cli-bookmarks-list = كل الإشارات المرجعية، كلٌّ مربوطة بفقرتها: `id<TAB>path<TAB>paragraph<TAB>excerpt`
cli-bookmarks-list-json = كائن JSON لكل إشارة مرجعية
cli-bookmarks-add = إضافة إشارة مرجعية إلى الفقرة N (من 1) من الملف FILE
cli-bookmarks-remove = إزالة الإشارة المرجعية ID
cli-bookmarks-export = كل الإشارات المرجعية بصيغة Markdown (العناوين رؤوسًا، والفقرات اقتباسات، والملاحظات تحتها) أو JSON
cli-doctor = ما يعرفه «قارئ» عن هذه الطرفية (ثنائية الاتجاه، الألوان، النسخ)، وسطر عربي مرسوم بالطريقتين لترى أيهما يُقرأ صحيحًا
cli-list = عرض المكتبة: `path<TAB>title` لكل مقال، أو أسطر JSON
cli-list-path = مجلد أو ملف (الافتراضي: كما في واجهة القراءة)
cli-list-json = كائن JSON لكل مقال
cli-arg-verbose = اعرض كل ملف متجاوز في كل مرة (ودونه تُختصر القائمة التي عُرضت من قبل في سطر واحد)
cli-man = اطبع صفحة دليل «قارئ» (roff)‏: qari man > ~/.local/share/man/man1/qari.1
cli-completions = اطبع إكمالات الصدفة SHELL (bash أو zsh أو fish أو elvish أو powershell)، لتُثبَّت حيث تبحث عنها الصدفة (انظر README)
cli-completions-shell = الصدفة
cli-help-usage = الاستخدام:
cli-help-commands = الأوامر:
cli-help-arguments = الوسائط:
cli-help-options = الخيارات:
cli-help-help = عرض المساعدة
cli-help-version = عرض الإصدار
cli-help-subcommand = عرض هذه الرسالة أو مساعدة الأمر الفرعي المذكور
cli-help-default = [الافتراضي: { $value }]
cli-help-possible = [القيم الممكنة: { $values }]
cli-error = خطأ:
cli-error-unknown-argument = وسيط غير متوقع '{ $arg }'
cli-error-invalid-value = قيمة غير صالحة '{ $value }' للخيار '{ $arg }'
cli-error-missing = لم تُعطَ الوسائط المطلوبة التالية:
cli-error-unknown-subcommand = أمر فرعي غير معروف '{ $name }'
cli-error-more = لمزيد من المعلومات جرّب '{ $help }'.

## Feeds on the command line (qari feeds, update, save, import).

cli-feeds = المواجز المشترك فيها (محفوظة في config.toml): إضافة، عرض، إزالة، استيراد، تصدير
cli-feeds-add = الاشتراك في الموجز على العنوان URL (RSS أو Atom أو JSON Feed)، أو في الذي تشير إليه صفحة
cli-feeds-add-name = اسمه (الافتراضي: عنوان الموجز نفسه، وإلا اسم موقعه)
cli-feeds-add-folder = مجلد المكتبة الذي تُحفظ فيه مقالاتها (الافتراضي: مأخوذ من الاسم)
cli-feeds-list = المواجز: `name<TAB>url<TAB>folder`
cli-feeds-remove = إلغاء الاشتراك في الموجز المسمى NAME (تبقى مقالاته المحفوظة)
cli-feeds-add-no-check = إضافته دون جلبه أولًا (موجز معطل الآن). وإلا فيجب أن يكون URL موجزًا، أو صفحة ويب تشير إلى موجز (‏`<link rel="alternate">`) فيُضاف ذلك الموجز.
cli-feeds-import = الاشتراك في كل مواجز ملف OPML (مصدَّر من قارئ آخر)؛ تبقى المواجز المشترك فيها كما هي.
cli-feeds-import-file = ملف OPML
cli-feeds-export = كل المواجز بصيغة OPML على المخرج القياسي (لاستيرادها في قارئ آخر).
cli-update = جلب كل المواجز وحفظ عناصرها الجديدة في المكتبة، في مجلد لكل موجز
cli-save = جلب صفحة ويب واستخراج مقالها وحفظه في المكتبة (المجلد `saved`)
cli-save-url = عنوان الصفحة، http:// أو https://
cli-import = استخراج مقال صفحة ويب محفوظة وحفظه في المكتبة (المجلد `saved`)
cli-import-file = ملف ‎.html
feeds-cli-no-collection = لا مكتبة تُحفظ فيها المقالات: اكتب `collection = "/path/to/news"` في { $file }
feeds-cli-named-for-now = تنبيه: { $url }: { $why }؛ سُمّيت «{ $name }» مؤقتًا
feeds-cli-name-empty = الاسم فارغ: اكتب اسمًا مع ‎--name
feeds-cli-added = أُضيفت «{ $name }» ({ $url })، وتُحفظ مقالاتها في { $folder }
feeds-cli-opml-none = { $path }: لا موجز فيه (ملف OPML فيه <outline xmlUrl="..."> لكل موجز)
feeds-cli-opml-imported =
    { PLURAL($added) ->
        [zero] لم يُضف أي موجز
        [one] أُضيف موجز واحد
        [two] أُضيف موجزان
        [few] أُضيفت { $added } مواجز
        [many] أُضيف { $added } موجزًا
       *[other] أُضيف { $added } موجز
    }، { $known } مشترك فيها من قبل
feeds-cli-already = { $url } مشترك فيه باسم «{ $name }»: لم يُضف شيء
feeds-cli-feed-found = { $url } صفحة ويب تشير إلى الموجز { $feed }، فأُضيف هو
feeds-cli-not-a-feed = { $url } ليس موجزًا ({ $why }) ولا يشير إلى موجز: ‏`qari save { $url }` يحفظ مقال صفحة؛ ‏--no-check يضيفه على أي حال
feeds-cli-unreachable = تعذرت قراءة { $url } ({ $why }): لم يُضف شيء؛ ‏--no-check يضيفه على أي حال
feeds-cli-name-taken = يوجد موجز اسمه «{ $name }»: اختر له اسمًا آخر بـ ‏--name
feeds-cli-no-such-feed = لا موجز اسمه «{ $name }» (‏`qari feeds list` يعرضها)
feeds-cli-bad-url = { $url } ليس عنوانًا يبدأ بـ http:// أو https://
feeds-cli-removed = أُزيلت «{ $name }» ({ $url })؛ تبقى مقالاتها المحفوظة
feeds-cli-progress = المواجز: { $done } من { $total }
feeds-cli-failed-one = { $name }: فشلت: { $error }
feeds-cli-not-modified = { $name }: لا جديد
feeds-cli-new = { $name }: جديدة: { $count }
feeds-cli-warning = { $name }: تنبيه: { $warning }
feeds-cli-new-in = مقالات جديدة: { $count } في { $folder }
feeds-cli-some-failed = فشل من المواجز { $failed } من { $total }: { $names }

## The state database as it opens (warnings in the status bar and on stderr).

store-cannot-create = تعذّر إنشاء { $dir }: { $error }؛ لن تُحفظ الإشارات المرجعية ومواضع القراءة في هذه الجلسة
store-read-only = لا يمكن الكتابة في { $path }: هذه الجلسة للقراءة فقط، ولن يُحفظ شيء
store-moved-aside = { $path }: { $error }؛ نُقل إلى { $aside } وبدأت قاعدة حالة جديدة
store-cannot-move-aside = { $path }: { $error }؛ تعذّر نقله جانبًا ({ $io })، فتُرك كما هو ولن يُحفظ شيء
store-not-saved = { $error }؛ لن يُحفظ شيء في هذه الجلسة

## Opening an article's web page (o).

browser-no-url = لا رابط لهذا المقال لفتحه
browser-bad-url = ليس رابط http:// أو https://، فلم يُفتح: { $url }
browser-opened = جارٍ فتح { $url } في المتصفح
browser-failed = تعذر تشغيل المتصفح ({ $program }): { $error }

## The feeds screen (F in the library).

feeds-screen-empty = لا مواجز: ‏`qari feeds add URL` يشترك في موجز
feeds-screen-counts = { $unread } غير مقروء / { $total }
feeds-screen-status =
    { PLURAL($count) ->
        [zero] لا مواجز
        [one] موجز واحد
        [two] موجزان
        [few] { $count } مواجز
        [many] { $count } موجزًا
       *[other] { $count } موجز
    } · { $hints }
feeds-showing =
    الموجز { $name }: { PLURAL($count) ->
        [zero] لا مقالات
        [one] مقال واحد
        [two] مقالان
        [few] { $count } مقالات
        [many] { $count } مقالًا
       *[other] { $count } مقال
    } ({ $key } لعرض الكل)
