<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>BudgetGrid</name>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Outside the tactical period: it has budget lines</source>
        <translation>Вне тактического периода: в нём есть строки бюджета</translation>
    </message>
    <message>
        <source>No channel</source>
        <translation>Без канала</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>vs {amount}/month</source>
        <translation>к {amount}/мес.</translation>
    </message>
    <message>
        <source>An action on {channel}</source>
        <translation>Мероприятие в канале «{channel}»</translation>
    </message>
    <message>
        <source>An action with no channel</source>
        <translation>Мероприятие без канала</translation>
    </message>
    <message>
        <source>Spent with neither a channel nor an action: nobody planned it</source>
        <translation>Потрачено без канала и мероприятия: этого никто не планировал</translation>
    </message>
    <message>
        <source>The month&apos;s plan and spend</source>
        <translation>План и расход месяца</translation>
    </message>
    <message>
        <source>Plan plus what the month before left (rollover), minus what was spent</source>
        <translation>План плюс остаток прошлого месяца (перенос) минус расход</translation>
    </message>
    <message>
        <source>Plan minus what was spent</source>
        <translation>План минус расход</translation>
    </message>
    <message>
        <source>The month&apos;s budget lines against the fixed monthly sum</source>
        <translation>Строки бюджета месяца в сравнении с фиксированной суммой на месяц</translation>
    </message>
    <message>
        <source>carried {amount}</source>
        <translation>перенос {amount}</translation>
    </message>
    <message>
        <source>{amount} short: the budget lines plan more than the fixed sum</source>
        <translation>Не хватает {amount}: строки бюджета планируют больше фиксированной суммы</translation>
    </message>
    <message>
        <source>{amount} free: money of the fixed sum that no budget line uses</source>
        <translation>Свободно {amount}: часть фиксированной суммы не занята ни одной строкой бюджета</translation>
    </message>
    <message>
        <source>Balanced: the budget lines use exactly the fixed sum</source>
        <translation>Сходится: строки бюджета используют ровно фиксированную сумму</translation>
    </message>
    <message>
        <source>Each cell: what is planned, and below it what was spent (red: over the plan). Click an amount to see the expenses behind it.</source>
        <translation>В ячейке: что запланировано, под ним — что потрачено (красным — сверх плана). Щёлкните по сумме, чтобы увидеть расходы за ней.</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>план</translation>
    </message>
    <message>
        <source>spent</source>
        <translation>расход</translation>
    </message>
    <message>
        <source>over</source>
        <translation>сверх</translation>
    </message>
    <message>
        <source>Spent {actual} with no budget line: unplanned spend</source>
        <translation>Потрачено {actual} без строки бюджета: незапланированный расход</translation>
    </message>
    <message>
        <source>No budget line: type an amount to plan one</source>
        <translation>Строки бюджета нет: введите сумму, чтобы запланировать</translation>
    </message>
    <message>
        <source>Planned {plan}, spent {actual}: {over} over</source>
        <translation>План {plan}, потрачено {actual}: перерасход {over}</translation>
    </message>
    <message>
        <source>Planned {plan}, spent {actual}</source>
        <translation>План {plan}, потрачено {actual}</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <source>The money: what is planned per month and channel, what was spent, and who checks it how often.</source>
        <translation>Деньги: что запланировано по месяцам и каналам, что потрачено и кто и как часто это проверяет.</translation>
    </message>
    <message>
        <source>&amp;Budget lines</source>
        <translation>&amp;Строки бюджета</translation>
    </message>
    <message>
        <source>&amp;Expenses</source>
        <translation>&amp;Расходы</translation>
    </message>
    <message>
        <source>C&amp;ontrol points</source>
        <translation>&amp;Точки контроля</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>Бюджет:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Столбцы:</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Show in the e&amp;xpenses list</source>
        <translation>Показать в &amp;журнале расходов</translation>
    </message>
    <message>
        <source>Nothing was spent here.</source>
        <translation>Здесь ничего не потрачено.</translation>
    </message>
    <message>
        <source>Search payee or note</source>
        <translation>Поиск по получателю или примечанию</translation>
    </message>
    <message>
        <source>Refunds only</source>
        <translation>Только возвраты</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>&amp;Import from CSV…</source>
        <translation>&amp;Импорт из CSV…</translation>
    </message>
    <message>
        <source>No expenses recorded yet. Add one, or import a bank statement.</source>
        <translation>Расходов пока нет. Добавьте расход или импортируйте банковскую выписку.</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Прогноз</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Who checks the spending of what, how often, and against which limit. Anything over its limit or overdue comes first.</source>
        <translation>Кто, как часто и по какому лимиту проверяет расходы. Перерасход и просроченные проверки — вверху.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Потрачено</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Расходы</translation>
    </message>
    <message>
        <source>&amp;Carry the rest over</source>
        <translation>&amp;Переносить остатки</translation>
    </message>
    <message>
        <source>Rollover: what a month leaves unspent is added to the next month; what it overspends is taken from it.</source>
        <translation>Перенос: неизрасходованное за месяц добавляется к следующему месяцу, перерасход вычитается из него.</translation>
    </message>
    <message>
        <source>What was actually paid. A refund (money coming back) is ticked and counts as negative. Click a column title to sort.</source>
        <translation>Что фактически оплачено. Возврат (деньги, пришедшие обратно) отмечается галочкой и считается отрицательной суммой. Щелчок по заголовку столбца сортирует.</translation>
    </message>
    <message>
        <source>Add expense</source>
        <translation>Добавить расход</translation>
    </message>
    <message>
        <source>Show all expenses</source>
        <translation>Показать все расходы</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Что контролируем</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Частота</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Лимит</translation>
    </message>
    <message>
        <source>Control points</source>
        <translation>Точки контроля</translation>
    </message>
    <message>
        <source>No control points yet. Without control, a fifth of an online budget can simply evaporate.</source>
        <translation>Точек контроля пока нет. Без контроля пятая часть онлайн-бюджета может просто испариться.</translation>
    </message>
    <message>
        <source>Add control point</source>
        <translation>Добавить точку контроля</translation>
    </message>
    <message>
        <source>&amp;Record a check…</source>
        <translation>&amp;Записать проверку…</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Проверил</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>No check recorded yet.</source>
        <translation>Проверок пока не было.</translation>
    </message>
    <message>
        <source>Nothing was pasted</source>
        <translation>Ничего не вставлено</translation>
    </message>
    <message>
        <source>Row {row}, column {column} of the pasted block: {reason}</source>
        <translation>Строка {row}, столбец {column} вставляемого блока: {reason}</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>всё</translation>
    </message>
    <message>
        <source>spend with no channel</source>
        <translation>расходы без канала</translation>
    </message>
    <message>
        <source>the whole period</source>
        <translation>весь период</translation>
    </message>
    <message>
        <source>Expenses behind a figure</source>
        <translation>Расходы за цифрой</translation>
    </message>
    <message>
        <source>Click an amount in the grid to see the expenses behind it.</source>
        <translation>Щёлкните по сумме в таблице, чтобы увидеть расходы за ней.</translation>
    </message>
    <message>
        <source>spent {spent}, nothing planned</source>
        <translation>потрачено {spent}, ничего не запланировано</translation>
    </message>
    <message>
        <source>spent {spent} of {plan} planned, {over} over</source>
        <translation>потрачено {spent} из {plan} по плану, перерасход {over}</translation>
    </message>
    <message>
        <source>spent {spent} of {plan} planned</source>
        <translation>потрачено {spent} из {plan} по плану</translation>
    </message>
    <message>
        <source>Counted for {channel}, the channel of its action</source>
        <translation>Учитывается в канале «{channel}» — канале его мероприятия</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <source>No channel</source>
        <translation>Без канала</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Все мероприятия</translation>
    </message>
    <message>
        <source>No action</source>
        <translation>Без мероприятия</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Все месяцы</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s)</source>
        <translation>
            <numerusform>%n расход</numerusform>
            <numerusform>%n расхода</numerusform>
            <numerusform>%n расходов</numerusform>
        </translation>
    </message>
    <message>
        <source>total {amount}</source>
        <translation>итого {amount}</translation>
    </message>
    <message>
        <source>refunds {amount}</source>
        <translation>возвраты {amount}</translation>
    </message>
    <message>
        <source>of {amount} in all</source>
        <translation>из {amount} всего</translation>
    </message>
    <message>
        <source>Showing the expenses behind {what}.</source>
        <translation>Показаны расходы за цифрой: {what}.</translation>
    </message>
    <message>
        <source>Action: {title}</source>
        <translation>Мероприятие: {title}</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>ещё не проверялось</translation>
    </message>
    <message>
        <source>Select a control point to see its pace and checks.</source>
        <translation>Выберите точку контроля, чтобы увидеть темп расходов и проверки.</translation>
    </message>
    <message>
        <source>{subject} · {cadence} limit {limit} · {period}</source>
        <translation>{subject} · {cadence}, лимит {limit} · {period}</translation>
    </message>
    <message>
        <source>Spent {spent} so far ({percent} of the limit).</source>
        <translation>Потрачено {spent} ({percent} лимита).</translation>
    </message>
    <message>
        <source>The check was due {date}.</source>
        <translation>Проверка должна была пройти {date}.</translation>
    </message>
</context>
<context>
    <name>BudgetTexts</name>
    <message>
        <source>the {limit} daily limit</source>
        <translation>дневного лимита {limit}</translation>
    </message>
    <message>
        <source>the {limit} weekly limit</source>
        <translation>недельного лимита {limit}</translation>
    </message>
    <message>
        <source>the {limit} monthly limit</source>
        <translation>месячного лимита {limit}</translation>
    </message>
    <message>
        <source>{spent} spent of {limit} ({percent})</source>
        <translation>потрачено {spent} из {limit} ({percent})</translation>
    </message>
    <message numerus="yes">
        <source>the check was due %n day(s) ago</source>
        <translation>
            <numerusform>проверка просрочена на %n день</numerusform>
            <numerusform>проверка просрочена на %n дня</numerusform>
            <numerusform>проверка просрочена на %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>the check is overdue</source>
        <translation>проверка просрочена</translation>
    </message>
    <message numerus="yes">
        <source>%n control point(s) need(s) attention:</source>
        <translation>
            <numerusform>%n точка контроля требует внимания:</numerusform>
            <numerusform>%n точки контроля требуют внимания:</numerusform>
            <numerusform>%n точек контроля требуют внимания:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more.</source>
        <translation>
            <numerusform>и ещё %n.</numerusform>
            <numerusform>и ещё %n.</numerusform>
            <numerusform>и ещё %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>At today&apos;s pace {subject} ends the day at {projected} of {limit}.</source>
        <translation>При сегодняшнем темпе «{subject}» закончит день на {projected} из {limit}.</translation>
    </message>
    <message>
        <source>At this week&apos;s pace {subject} ends at {projected} of {limit}.</source>
        <translation>При темпе этой недели «{subject}» закончит неделю на {projected} из {limit}.</translation>
    </message>
    <message>
        <source>At this month&apos;s pace {subject} ends at {projected} of {limit}.</source>
        <translation>При темпе этого месяца «{subject}» закончит месяц на {projected} из {limit}.</translation>
    </message>
    <message>
        <source>The period ends today.</source>
        <translation>Период заканчивается сегодня.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing is left for the remaining %n day(s): stop spending.</source>
        <translation>
            <numerusform>На оставшийся %n день ничего не осталось: расходы надо остановить.</numerusform>
            <numerusform>На оставшиеся %n дня ничего не осталось: расходы надо остановить.</numerusform>
            <numerusform>На оставшиеся %n дней ничего не осталось: расходы надо остановить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To stay within the limit: at most {amount} a day for the remaining %n day(s).</source>
        <translation>
            <numerusform>Чтобы уложиться в лимит: не больше {amount} в день на оставшийся %n день.</numerusform>
            <numerusform>Чтобы уложиться в лимит: не больше {amount} в день на оставшиеся %n дня.</numerusform>
            <numerusform>Чтобы уложиться в лимит: не больше {amount} в день на оставшиеся %n дней.</numerusform>
        </translation>
    </message>
    <message>
        <source>No fixed sum yet: type the budget per month or for the period, or let the actions&apos; needs set it (top-down). The actions need {needed}.</source>
        <translation>Фиксированной суммы пока нет: введите бюджет на месяц или на весь период либо пусть его задают потребности мероприятий (сверху). Мероприятиям нужно {needed}.</translation>
    </message>
    <message>
        <source>{amount} short</source>
        <translation>не хватает {amount}</translation>
    </message>
    <message>
        <source>{amount} unallocated</source>
        <translation>{amount} не распределено</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>сходится</translation>
    </message>
    <message>
        <source>Actions need {needed}, the budget is {fixed}: {tail}.</source>
        <translation>Мероприятиям нужно {needed}, бюджет — {fixed}: {tail}.</translation>
    </message>
    <message>
        <source>The budget is what the actions need: {needed}.</source>
        <translation>Бюджет — это потребности мероприятий: {needed}.</translation>
    </message>
    <message>
        <source>The budget lines plan {lines} of it; {rest} is not in them yet.</source>
        <translation>В строках бюджета из них {lines}; {rest} ещё не распределено по строкам.</translation>
    </message>
    <message>
        <source>The budget lines plan {lines}.</source>
        <translation>В строках бюджета — {lines}.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) without a budget.</source>
        <translation>
            <numerusform>%n мероприятие без бюджета.</numerusform>
            <numerusform>%n мероприятия без бюджета.</numerusform>
            <numerusform>%n мероприятий без бюджета.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n цель</numerusform>
            <numerusform>%n цели</numerusform>
            <numerusform>%n целей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Open the {page} page</source>
        <translation>Открыть страницу «{page}»</translation>
    </message>
    <message>
        <source>Click to open the {page} page; right click to copy or save the chart.</source>
        <translation>Щелчок откроет страницу «{page}»; правая кнопка — скопировать или сохранить график.</translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation>Копировать график</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Сохранить как PNG…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>Сохранить как SVG…</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>The chart could not be drawn. The details are in the log.</source>
        <translation>Не удалось построить график. Подробности — в журнале.</translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation>Копировать график</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Сохранить как PNG…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>Сохранить как SVG…</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Сохранить график в PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Save chart as SVG</source>
        <translation>Сохранить график в SVG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Рисунки SVG (*.svg)</translation>
    </message>
    <message>
        <source>The chart could not be saved.</source>
        <translation>Не удалось сохранить график.</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Record a control check</source>
        <translation>Запись проверки</translation>
    </message>
    <message>
        <source>{cadence}, limit {limit}</source>
        <translation>{cadence}, лимит {limit}</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Дата</translation>
    </message>
    <message>
        <source>Checked &amp;by</source>
        <translation>&amp;Проверил</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Plan / actual</source>
        <translation>План / факт</translation>
    </message>
    <message>
        <source>&amp;Verdict</source>
        <translation>&amp;Вывод</translation>
    </message>
    <message>
        <source>What was found and what was done (e.g. bids lowered, campaign paused).</source>
        <translation>Что обнаружено и что сделано (например: снижены ставки, кампания приостановлена).</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Комментарий</translation>
    </message>
    <message>
        <source>&amp;Next check</source>
        <translation>&amp;Следующая проверка</translation>
    </message>
    <message>
        <source>&amp;Record the check</source>
        <translation>&amp;Записать проверку</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Are the goals measurable, does each have an action, does each action have an owner, a deadline and a budget, and is the money controlled?</source>
        <translation>Измеримы ли цели, есть ли у каждой действие, есть ли у каждого действия ответственный, срок и бюджет, контролируются ли деньги?</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Most serious first. Double-click a finding to open what it concerns; the check runs again after every change.</source>
        <translation>Самое серьёзное — вверху. Двойной щелчок по замечанию открывает то, к чему оно относится; проверка повторяется после каждого изменения.</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Замечание</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Show the row this finding is about</source>
        <translation>Показать строку, к которой относится замечание</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>Отклонить…</translation>
    </message>
    <message>
        <source>The finding does not apply here: say why and set it aside</source>
        <translation>Замечание здесь неприменимо: укажите причину и отложите его</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>Count this dismissed finding again</source>
        <translation>Снова учитывать это отклонённое замечание</translation>
    </message>
    <message>
        <source>Problems: {n}</source>
        <translation>Проблемы: {n}</translation>
    </message>
    <message>
        <source>Warnings: {n}</source>
        <translation>Предупреждения: {n}</translation>
    </message>
    <message>
        <source>Tips: {n}</source>
        <translation>Советы: {n}</translation>
    </message>
    <message>
        <source>Dismissed: {n}</source>
        <translation>Отклонено: {n}</translation>
    </message>
    <message>
        <source>The trend appears after the next changes.</source>
        <translation>Динамика появится после следующих изменений.</translation>
    </message>
    <message>
        <source>Up {n} points since {date}</source>
        <translation>Выросла на {n} п. п. с {date}</translation>
    </message>
    <message>
        <source>Down {n} points since {date}</source>
        <translation>Снизилась на {n} п. п. с {date}</translation>
    </message>
    <message>
        <source>Unchanged since {date}</source>
        <translation>Не изменилась с {date}</translation>
    </message>
    <message>
        <source>{severity} · {level} ({n})</source>
        <translation>{severity} · {level} ({n})</translation>
    </message>
    <message>
        <source>Dismissed ({n})</source>
        <translation>Отклонённые ({n})</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Предупреждения</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Советы</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>Причина не указана</translation>
    </message>
    <message>
        <source>Why? (golden thread)</source>
        <translation>Зачем? (золотая нить)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Замечания</translation>
    </message>
    <message>
        <source>Nothing to report: the plan passes every check.</source>
        <translation>Замечаний нет: план проходит все проверки.</translation>
    </message>
    <message>
        <source>{passed} of {total} checks passed</source>
        <translation>Пройдено проверок: {passed} из {total}</translation>
    </message>
</context>
<context>
    <name>ControlAlert</name>
    <message>
        <source>Control points</source>
        <translation>Точки контроля</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Dismiss a finding</source>
        <translation>Отклонить замечание</translation>
    </message>
    <message>
        <source>Why does it not apply? The reason is kept with the plan, and the finding can be restored at any time.</source>
        <translation>Почему оно неприменимо? Причина сохраняется в плане, а замечание можно вернуть в любой момент.</translation>
    </message>
    <message>
        <source>e.g. agreed with the owner: no deadline until spring</source>
        <translation>например: согласовано с владельцем — срок назначим весной</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Отклонить</translation>
    </message>
</context>
<context>
    <name>GoalCells</name>
    <message>
        <source>SMART check</source>
        <translation>Проверка SMART</translation>
    </message>
    <message>
        <source>SMART: every letter passes.</source>
        <translation>SMART: все буквы выполнены.</translation>
    </message>
</context>
<context>
    <name>GoalForm</name>
    <message>
        <source>Max jump</source>
        <translation>Макс. скачок</translation>
    </message>
    <message>
        <source>A plan setting for every goal: SMART&apos;s “Achievable” warns when the target is a bigger jump from the baseline than this.</source>
        <translation>Настройка плана для всех целей: буква «Достижимая» SMART предупреждает, если цель отличается от исходного значения сильнее, чем во столько раз.</translation>
    </message>
    <message>
        <source>(for every goal)</source>
        <translation>(для всех целей)</translation>
    </message>
    <message>
        <source>e.g. new clients per month</source>
        <translation>например, новые клиенты в месяц</translation>
    </message>
    <message>
        <source>e.g. %, people</source>
        <translation>например, %, чел.</translation>
    </message>
    <message>
        <source>Why this goal, what it depends on…</source>
        <translation>Зачем эта цель, от чего она зависит…</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Отвечает на</translation>
    </message>
    <message>
        <source>The SWOT items this goal answers</source>
        <translation>Пункты SWOT, на которые отвечает цель</translation>
    </message>
    <message>
        <source>Link a SWOT item…</source>
        <translation>Связать с пунктом SWOT…</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>on</source>
        <translation>на</translation>
    </message>
    <message>
        <source>by</source>
        <translation>к</translation>
    </message>
    <message>
        <source>Not linked to the SWOT analysis yet.</source>
        <translation>Пока не связана со SWOT-анализом.</translation>
    </message>
    <message>
        <source>Remove this link</source>
        <translation>Убрать связь</translation>
    </message>
    <message>
        <source>Remove the link to {text}</source>
        <translation>Убрать связь с «{text}»</translation>
    </message>
    <message>
        <source>The SWOT board is empty.</source>
        <translation>В SWOT-анализе пока нет пунктов.</translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message>
        <source>Where the business wants to be, measured: a metric, a baseline, a target and a deadline for each goal.</source>
        <translation>Где бизнес хочет оказаться — измеримо: метрика, исходное значение, цель и срок для каждой цели.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Прогресс</translation>
    </message>
    <message>
        <source>Strategic goals</source>
        <translation>Стратегические цели</translation>
    </message>
    <message>
        <source>Select a goal to see and edit it below. Progress = (latest − baseline) / (target − baseline).</source>
        <translation>Выберите цель, чтобы увидеть и изменить её ниже. Прогресс = (последнее − исходное) / (целевое − исходное).</translation>
    </message>
    <message>
        <source>No goals yet. Add the first one: what should change, by how much, and by when?</source>
        <translation>Целей пока нет. Добавьте первую: что должно измениться, насколько и к какому сроку?</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Добавить цель</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Select a goal to see its progress.</source>
        <translation>Выберите цель, чтобы увидеть её прогресс.</translation>
    </message>
    <message>
        <source>Progress chart</source>
        <translation>График прогресса</translation>
    </message>
    <message>
        <source>No measurements yet. Add the metric&apos;s value as you measure it.</source>
        <translation>Измерений пока нет. Добавляйте значение показателя по мере измерений.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add a measurement of the goal&apos;s metric</source>
        <translation>Добавить измерение показателя цели</translation>
    </message>
    <message>
        <source>Delete the selected measurements</source>
        <translation>Удалить выбранные измерения</translation>
    </message>
    <message>
        <source>{value} measured on {date}</source>
        <translation>{value} на {date}</translation>
    </message>
    <message>
        <source>Expected by today: {expected}</source>
        <translation>Ожидалось к сегодняшнему дню: {expected}</translation>
    </message>
    <message>
        <source>Select a goal above to see and edit it here.</source>
        <translation>Выберите цель выше, чтобы увидеть и изменить её здесь.</translation>
    </message>
    <message>
        <source>Here you will see the goal&apos;s SMART check, its progress chart, its measurements and the actions that serve it. Add a goal above, or make one from a strategic option on the SWOT &amp; strategy page.</source>
        <translation>Здесь будут проверка цели по SMART, график её прогресса, измерения и мероприятия, которые на неё работают. Добавьте цель выше или сделайте её из стратегического варианта на странице «SWOT и стратегия».</translation>
    </message>
    <message numerus="yes">
        <source>Measurements (%n)</source>
        <translation>
            <numerusform>Измерения (%n)</numerusform>
            <numerusform>Измерения (%n)</numerusform>
            <numerusform>Измерения (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Actions (%n)</source>
        <translation>
            <numerusform>Мероприятия (%n)</numerusform>
            <numerusform>Мероприятия (%n)</numerusform>
            <numerusform>Мероприятия (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress {progress}</source>
        <translation>Прогресс {progress}</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Исходное значение</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Целевое значение</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Expected path</source>
        <translation>Ожидаемый путь</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Set a baseline and a target, or add a measurement.</source>
        <translation>Задайте исходное и целевое значения или добавьте замер.</translation>
    </message>
    <message>
        <source>Add measurement</source>
        <translation>Добавить измерение</translation>
    </message>
    <message>
        <source>No actions serve this goal yet. Write the first one above and press Enter.</source>
        <translation>На эту цель пока не работает ни одно мероприятие. Впишите первое выше и нажмите Enter.</translation>
    </message>
    <message>
        <source>Add an action for this goal… (Enter; it joins the tactical plan)</source>
        <translation>Добавить мероприятие для этой цели… (Enter; оно попадёт в тактический план)</translation>
    </message>
    <message>
        <source>New action for this goal</source>
        <translation>Новое мероприятие для этой цели</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Измерения</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>No measurement yet</source>
        <translation>Измерений пока нет</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Новая цель</translation>
    </message>
</context>
<context>
    <name>HypothesesPage</name>
    <message>
        <source>Test a channel like a product team: a small budget, a period, a success threshold — then scale or stop, and keep what was learned.</source>
        <translation>Проверяйте каналы как продуктовая команда: небольшой бюджет, срок, порог успеха — затем масштабировать или остановить и сохранить выводы.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Потрачено</translation>
    </message>
    <message>
        <source>Hypotheses</source>
        <translation>Гипотезы</translation>
    </message>
    <message>
        <source>The result is compared with the threshold; most tests fail, and that is what they are for.</source>
        <translation>Результат сравнивается с порогом; большинство тестов не проходят, и для этого они и нужны.</translation>
    </message>
    <message>
        <source>No hypotheses yet. What channel would you like to test, with what budget, and how will you know it works?</source>
        <translation>Гипотез пока нет. Какой канал вы хотите проверить, с каким бюджетом и как поймёте, что он работает?</translation>
    </message>
    <message>
        <source>Add hypothesis</source>
        <translation>Добавить гипотезу</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>e.g. cost per lead, new loyalty members</source>
        <translation>например, цена заявки, новые участники программы лояльности</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>&amp;Scale</source>
        <translation>&amp;Масштабировать</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>П&amp;родолжить</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <source>&amp;Pending</source>
        <translation>&amp;Не решено</translation>
    </message>
    <message>
        <source>What the test showed, whatever the decision.</source>
        <translation>Что показал тест, каким бы ни было решение.</translation>
    </message>
    <message>
        <source>No expense booked on this test yet (Budget ▸ Expenses ▸ Hypothesis).</source>
        <translation>На этот тест ещё не отнесён ни один расход (Бюджет ▸ Расходы ▸ Гипотеза).</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Идёт</translation>
    </message>
    <message>
        <source>Awaiting decision</source>
        <translation>Ждёт решения</translation>
    </message>
    <message>
        <source>Runs {range}</source>
        <translation>Срок: {range}</translation>
    </message>
    <message>
        <source>Runs {start} – {end}</source>
        <translation>Срок: {start} – {end}</translation>
    </message>
    <message>
        <source>the metric</source>
        <translation>показатель</translation>
    </message>
    <message>
        <source>Set a success threshold: what result makes it worth scaling?</source>
        <translation>Задайте порог успеха: при каком результате стоит масштабировать?</translation>
    </message>
    <message>
        <source>Success threshold: {metric} {threshold}. No result yet.</source>
        <translation>Порог успеха: {metric} {threshold}. Результата пока нет.</translation>
    </message>
    <message>
        <source>Result {result}: above the threshold {threshold}.</source>
        <translation>Результат {result}: выше порога {threshold}.</translation>
    </message>
    <message>
        <source>Result {result}: below the threshold {threshold}.</source>
        <translation>Результат {result}: ниже порога {threshold}.</translation>
    </message>
    <message>
        <source>Result {result}: exactly the threshold.</source>
        <translation>Результат {result}: ровно на пороге.</translation>
    </message>
    <message>
        <source>The period is over: decide to scale, continue or stop.</source>
        <translation>Срок теста прошёл: решите — масштабировать, продолжить или остановить.</translation>
    </message>
    <message>
        <source>Select a hypothesis to see its result, money and lessons.</source>
        <translation>Выберите гипотезу, чтобы увидеть её результат, расходы и выводы.</translation>
    </message>
    <message>
        <source>Spent {spent} of the {budget} test budget</source>
        <translation>Потрачено {spent} из тестового бюджета {budget}</translation>
    </message>
    <message>
        <source>New hypothesis</source>
        <translation>Новая гипотеза</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Choose a CSV file</source>
        <translation>Выберите файл CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Файлы CSV (*.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>the cell is empty</source>
        <translation>ячейка пуста</translation>
    </message>
    <message>
        <source>{value} is not a date in the format {format}</source>
        <translation>{value} — не дата в формате {format}</translation>
    </message>
    <message>
        <source>{value} is not a month (like {format}, 2025-01 or 01.2025)</source>
        <translation>{value} — не месяц (пишите как {format}, 2025-01 или 01.2025)</translation>
    </message>
    <message>
        <source>{value} is not an amount (check the decimal separator)</source>
        <translation>{value} — не сумма (проверьте десятичный разделитель)</translation>
    </message>
    <message>
        <source>{value} has more than {digits} decimal places</source>
        <translation>в {value} больше {digits} знаков после запятой</translation>
    </message>
    <message>
        <source>{value} is negative: if negative amounts are refunds, say so in the previous step</source>
        <translation>{value} — отрицательная сумма; если отрицательные суммы — это возвраты, укажите это на предыдущем шаге</translation>
    </message>
    <message>
        <source>the plan has no channel named {value} (the previous step can create it)</source>
        <translation>в плане нет канала {value} (на предыдущем шаге его можно создать)</translation>
    </message>
    <message>
        <source>the plan has several channels named {value}</source>
        <translation>в плане несколько каналов {value}</translation>
    </message>
    <message>
        <source>the plan has no action named {value}</source>
        <translation>в плане нет мероприятия {value}</translation>
    </message>
    <message>
        <source>the plan has several actions named {value}</source>
        <translation>в плане несколько мероприятий {value}</translation>
    </message>
    <message>
        <source>{value} is neither yes nor no</source>
        <translation>{value} — ни «да», ни «нет»</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} — не число</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} — не целое число</translation>
    </message>
    <message>
        <source>an amount cannot be negative here</source>
        <translation>сумма здесь не может быть отрицательной</translation>
    </message>
    <message>
        <source>the text is too long (at most {max} characters)</source>
        <translation>текст слишком длинный (не больше {max} символов)</translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation>Этот файл нельзя импортировать.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Файл пуст.</translation>
    </message>
    <message>
        <source>The file has a header but no rows.</source>
        <translation>В файле есть заголовок, но нет строк.</translation>
    </message>
    <message>
        <source>The file is too large to import.</source>
        <translation>Файл слишком большой для импорта.</translation>
    </message>
    <message>
        <source>The file is not {encoding} text (line {line}): choose another encoding.</source>
        <translation>Файл — не текст в кодировке {encoding} (строка {line}): выберите другую кодировку.</translation>
    </message>
    <message>
        <source>{value} is not a known encoding.</source>
        <translation>{value} — неизвестная кодировка.</translation>
    </message>
    <message>
        <source>The file cannot be read as CSV (line {line}): check the delimiter.</source>
        <translation>Файл не читается как CSV (строка {line}): проверьте разделитель.</translation>
    </message>
    <message>
        <source>{value} cannot be used here.</source>
        <translation>{value} здесь не подходит.</translation>
    </message>
    <message>
        <source>Choose the column that holds the {field}.</source>
        <translation>Выберите столбец, в котором {field}.</translation>
    </message>
    <message>
        <source>The file has no column “{column}”.</source>
        <translation>В файле нет столбца «{column}».</translation>
    </message>
    <message>
        <source>Line {line} holds no header: choose the header line.</source>
        <translation>В строке {line} нет заголовка: укажите строку заголовка.</translation>
    </message>
    <message>
        <source>Import expenses from CSV</source>
        <translation>Импорт расходов из CSV</translation>
    </message>
    <message>
        <source>Import channel results from CSV</source>
        <translation>Импорт результатов каналов из CSV</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Назад</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Далее &gt;</translation>
    </message>
    <message>
        <source>Import the &amp;valid rows only</source>
        <translation>Импортировать только &amp;верные строки</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импорт</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Choose the CSV file to import</source>
        <translation>Выберите файл CSV для импорта</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Выбрать файл…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 с BOM</translation>
    </message>
    <message>
        <source>; semicolon</source>
        <translation>; точка с запятой</translation>
    </message>
    <message>
        <source>, comma</source>
        <translation>, запятая</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <source>| vertical bar</source>
        <translation>| вертикальная черта</translation>
    </message>
    <message>
        <source>Comma: 1 234,56</source>
        <translation>Запятая: 1 234,56</translation>
    </message>
    <message>
        <source>Point: 1,234.56</source>
        <translation>Точка: 1,234.56</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>&amp;Кодировка</translation>
    </message>
    <message>
        <source>&amp;Delimiter</source>
        <translation>&amp;Разделитель</translation>
    </message>
    <message>
        <source>Decimal &amp;separator</source>
        <translation>Десятичный &amp;знак</translation>
    </message>
    <message>
        <source>Date &amp;format</source>
        <translation>&amp;Формат даты</translation>
    </message>
    <message>
        <source>&amp;Header on line</source>
        <translation>&amp;Заголовок в строке</translation>
    </message>
    <message>
        <source>No column reads as dates with any known format: check the date format against the table below.</source>
        <translation>Ни один столбец не читается как даты ни в одном известном формате: сверьте формат даты с таблицей ниже.</translation>
    </message>
    <message>
        <source>The file as read with these settings:</source>
        <translation>Файл, прочитанный с этими настройками:</translation>
    </message>
    <message>
        <source>Choose a file to see its first rows.</source>
        <translation>Выберите файл, чтобы увидеть его первые строки.</translation>
    </message>
    <message>
        <source>Which column holds what? Fields in bold are needed. The choice is remembered for this plan.</source>
        <translation>В каком столбце что? Поля жирным обязательны. Выбор запоминается для этого плана.</translation>
    </message>
    <message>
        <source>A negative amount is a refund</source>
        <translation>Отрицательная сумма — это возврат</translation>
    </message>
    <message>
        <source>Spending is written as negative numbers (as banks do)</source>
        <translation>Расходы записаны отрицательными числами (как в банковских выписках)</translation>
    </message>
    <message>
        <source>Create the channels the plan does not have</source>
        <translation>Создать каналы, которых нет в плане</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— нет в файле —</translation>
    </message>
    <message>
        <source>e.g. {value}</source>
        <translation>например, {value}</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Why it cannot be imported</source>
        <translation>Почему нельзя импортировать</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новая</translation>
    </message>
    <message>
        <source>already in the plan</source>
        <translation>уже есть в плане</translation>
    </message>
    <message>
        <source>will be updated</source>
        <translation>будет обновлена</translation>
    </message>
    <message numerus="yes">
        <source>%n new expense(s)</source>
        <translation>
            <numerusform>%n новый расход</numerusform>
            <numerusform>%n новых расхода</numerusform>
            <numerusform>%n новых расходов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the plan</source>
        <translation>
            <numerusform>%n уже есть в плане</numerusform>
            <numerusform>%n уже есть в плане</numerusform>
            <numerusform>%n уже есть в плане</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new month(s) of results</source>
        <translation>
            <numerusform>%n новый месяц результатов</numerusform>
            <numerusform>%n новых месяца результатов</numerusform>
            <numerusform>%n новых месяцев результатов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n к обновлению</numerusform>
            <numerusform>%n к обновлению</numerusform>
            <numerusform>%n к обновлению</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n без изменений</numerusform>
            <numerusform>%n без изменений</numerusform>
            <numerusform>%n без изменений</numerusform>
        </translation>
    </message>
    <message>
        <source>new channels: {names}</source>
        <translation>новые каналы: {names}</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) cannot be imported, so nothing will be imported. Fix the file, or import the valid rows only.</source>
        <translation>
            <numerusform>%n строку нельзя импортировать, поэтому ничего не будет импортировано. Исправьте файл или импортируйте только верные строки.</numerusform>
            <numerusform>%n строки нельзя импортировать, поэтому ничего не будет импортировано. Исправьте файл или импортируйте только верные строки.</numerusform>
            <numerusform>%n строк нельзя импортировать, поэтому ничего не будет импортировано. Исправьте файл или импортируйте только верные строки.</numerusform>
        </translation>
    </message>
    <message>
        <source>1. File</source>
        <translation>1. Файл</translation>
    </message>
    <message>
        <source>2. Columns</source>
        <translation>2. Столбцы</translation>
    </message>
    <message>
        <source>3. Check and import</source>
        <translation>3. Проверка и импорт</translation>
    </message>
    <message>
        <source>This file cannot be imported (see the log).</source>
        <translation>Этот файл нельзя импортировать (подробности в журнале).</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n expense(s)</source>
        <translation>
            <numerusform>Импортирован %n расход</numerusform>
            <numerusform>Импортировано %n расхода</numerusform>
            <numerusform>Импортировано %n расходов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already in the plan</source>
        <translation>
            <numerusform>%n уже был в плане</numerusform>
            <numerusform>%n уже были в плане</numerusform>
            <numerusform>%n уже были в плане</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported results: %n new month(s)</source>
        <translation>
            <numerusform>Импортированы результаты: %n новый месяц</numerusform>
            <numerusform>Импортированы результаты: %n новых месяца</numerusform>
            <numerusform>Импортированы результаты: %n новых месяцев</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n обновлён</numerusform>
            <numerusform>%n обновлено</numerusform>
            <numerusform>%n обновлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad line(s) left out</source>
        <translation>
            <numerusform>%n ошибочная строка пропущена</numerusform>
            <numerusform>%n ошибочные строки пропущены</numerusform>
            <numerusform>%n ошибочных строк пропущено</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Новый план…</translation>
    </message>
    <message>
        <source>&amp;Open plan…</source>
        <translation>&amp;Открыть план…</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>Сохранить &amp;копию как…</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;PDF meeting pack…</source>
        <translation>&amp;PDF — пакет к встрече…</translation>
    </message>
    <message>
        <source>E&amp;xcel workbook (XLSX)…</source>
        <translation>Книга E&amp;xcel (XLSX)…</translation>
    </message>
    <message>
        <source>&amp;CSV files…</source>
        <translation>Файлы &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>&amp;Expenses from CSV…</source>
        <translation>&amp;Расходы из CSV…</translation>
    </message>
    <message>
        <source>&amp;Channel results from CSV…</source>
        <translation>Р&amp;езультаты каналов из CSV…</translation>
    </message>
    <message>
        <source>&amp;Close plan</source>
        <translation>&amp;Закрыть план</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>Show plan file &amp;location</source>
        <translation>Показать &amp;расположение файла плана</translation>
    </message>
    <message>
        <source>&amp;Why? (golden thread)</source>
        <translation>&amp;Зачем? (золотая нить)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Открыть &amp;недавние</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импорт</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>No recent plans</source>
        <translation>Недавних планов нет</translation>
    </message>
    <message>
        <source>Opening the plan…</source>
        <translation>Открываем план…</translation>
    </message>
    <message>
        <source>&amp;Undo: {edit}</source>
        <translation>&amp;Отменить: {edit}</translation>
    </message>
    <message>
        <source>&amp;Redo: {edit}</source>
        <translation>&amp;Повторить: {edit}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <source>All changes are saved</source>
        <translation>Все изменения сохранены</translation>
    </message>
    <message>
        <source>Unknown currency</source>
        <translation>Неизвестная валюта</translation>
    </message>
    <message>
        <source>Save the new plan as</source>
        <translation>Сохранить новый план как</translation>
    </message>
    <message>
        <source>The plan was not created</source>
        <translation>План не создан</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Сохранить копию как</translation>
    </message>
    <message>
        <source>Choose another name: this is the open plan itself.</source>
        <translation>Выберите другое имя: это и есть открытый план.</translation>
    </message>
    <message>
        <source>Copy saved: {path}</source>
        <translation>Копия сохранена: {path}</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>Экспорт в JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported: {path}</source>
        <translation>Экспортировано: {path}</translation>
    </message>
    <message>
        <source>Restored from the backup of {date}.</source>
        <translation>Восстановлено из резервной копии от {date}.</translation>
    </message>
    <message>
        <source>The replaced file was kept as {name}.</source>
        <translation>Заменённый файл сохранён как {name}.</translation>
    </message>
    <message>
        <source>The plan file is here:</source>
        <translation>Файл плана находится здесь:</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Tactical period</source>
        <translation>Тактический период</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Hypotheses</source>
        <translation>Гипотезы</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Прогресс</translation>
    </message>
    <message>
        <source>The plan at a glance: what needs attention, the key figures and charts.</source>
        <translation>План одним взглядом: что требует внимания, ключевые показатели и графики.</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Требует внимания</translation>
    </message>
    <message>
        <source>Goal progress</source>
        <translation>Прогресс целей</translation>
    </message>
    <message>
        <source>Budget used</source>
        <translation>Бюджет освоен</translation>
    </message>
    <message>
        <source>Cost per lead</source>
        <translation>Цена заявки</translation>
    </message>
    <message>
        <source>ROMI</source>
        <translation>ROMI</translation>
    </message>
    <message>
        <source>The average progress of the goals that have a measurement.</source>
        <translation>Средний прогресс целей, у которых есть замеры.</translation>
    </message>
    <message>
        <source>Spend in the tactical period against its budget lines.</source>
        <translation>Расходы тактического периода относительно строк бюджета.</translation>
    </message>
    <message>
        <source>All channels&apos; spend divided by their leads (Results page).</source>
        <translation>Расходы всех каналов, делённые на их заявки (страница «Результаты»).</translation>
    </message>
    <message>
        <source>(Revenue − spend) / spend over all channels&apos; results.</source>
        <translation>(Выручка − расходы) / расходы по результатам всех каналов.</translation>
    </message>
    <message>
        <source>The share of this week&apos;s planned hours spent on tasks whose action serves a goal.</source>
        <translation>Доля запланированных на эту неделю часов, отданных задачам, чьё действие служит цели.</translation>
    </message>
    <message>
        <source>The share of all spend booked to an action that serves a goal.</source>
        <translation>Доля всех расходов, отнесённых к действиям, которые служат цели.</translation>
    </message>
    <message>
        <source>Budget: plan and actual by month</source>
        <translation>Бюджет по месяцам</translation>
    </message>
    <message>
        <source>Team hours against capacity</source>
        <translation>Часы команды и ёмкость</translation>
    </message>
    <message>
        <source>Cost per lead and ROMI by channel</source>
        <translation>Цена заявки и ROMI по каналам</translation>
    </message>
    <message>
        <source>Spend by channel</source>
        <translation>Расходы по каналам</translation>
    </message>
    <message>
        <source>Tasks done by person</source>
        <translation>Выполненные задачи по сотрудникам</translation>
    </message>
    <message>
        <source>SWOT items</source>
        <translation>Пункты SWOT</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Goals and their progress</source>
        <translation>Цели и их прогресс</translation>
    </message>
    <message>
        <source>A goal is off track when its progress lags more than 10 points behind the time elapsed. Double-click a goal to open it.</source>
        <translation>Цель отстаёт, если её прогресс отстаёт от прошедшего времени больше чем на 10 пунктов. Двойной щелчок открывает цель.</translation>
    </message>
    <message>
        <source>No goals yet. Set them on the Goals page.</source>
        <translation>Целей пока нет. Задайте их на странице «Цели».</translation>
    </message>
    <message>
        <source>About this plan</source>
        <translation>О плане</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Последнее</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>По плану</translation>
    </message>
    <message>
        <source>Off track</source>
        <translation>Отстаёт</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Достигнута</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Нет данных</translation>
    </message>
    <message>
        <source>the whole budget</source>
        <translation>весь бюджет</translation>
    </message>
    <message>
        <source>Over the limit: {subject}</source>
        <translation>Превышен лимит: {subject}</translation>
    </message>
    <message>
        <source>{spent} spent of the {limit} limit ({percent}).</source>
        <translation>Потрачено {spent} при лимите {limit} ({percent}).</translation>
    </message>
    <message>
        <source>The check is overdue too.</source>
        <translation>Проверка тоже просрочена.</translation>
    </message>
    <message>
        <source>Check overdue: {subject}</source>
        <translation>Просрочена проверка: {subject}</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>просрочено на %n день</numerusform>
            <numerusform>просрочено на %n дня</numerusform>
            <numerusform>просрочено на %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>controller: {name}</source>
        <translation>контролёр: {name}</translation>
    </message>
    <message>
        <source>Late action: {title}</source>
        <translation>Просрочено действие: {title}</translation>
    </message>
    <message numerus="yes">
        <source>Due {date}, %n day(s) ago</source>
        <translation>
            <numerusform>Срок {date}, %n день назад</numerusform>
            <numerusform>Срок {date}, %n дня назад</numerusform>
            <numerusform>Срок {date}, %n дней назад</numerusform>
        </translation>
    </message>
    <message>
        <source>this week</source>
        <translation>эта неделя</translation>
    </message>
    <message>
        <source>week {week}</source>
        <translation>неделя {week}</translation>
    </message>
    <message>
        <source>Over capacity: {person}, {week}</source>
        <translation>Перегрузка: {person}, {week}</translation>
    </message>
    <message>
        <source>{planned} h planned, {capacity} h available.</source>
        <translation>Запланировано {planned} ч при ёмкости {capacity} ч.</translation>
    </message>
    <message>
        <source>Goal off track: {title}</source>
        <translation>Цель отстаёт: {title}</translation>
    </message>
    <message>
        <source>{progress} of the way; {expected} expected by the last measurement.</source>
        <translation>Пройдено {progress}; к последнему замеру ожидалось {expected}.</translation>
    </message>
    <message>
        <source>All clear</source>
        <translation>Всё в порядке</translation>
    </message>
    <message>
        <source>No spending over a limit, no overdue checks or late actions, no week over capacity, no goal off track.</source>
        <translation>Нет превышений лимитов, просроченных проверок и действий, перегруженных недель и отстающих целей.</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>Свернуть</translation>
    </message>
    <message numerus="yes">
        <source>Show all (%n)</source>
        <translation>
            <numerusform>Показать все (%n)</numerusform>
            <numerusform>Показать все (%n)</numerusform>
            <numerusform>Показать все (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n off track</source>
        <translation>
            <numerusform>%n отстаёт</numerusform>
            <numerusform>%n отстают</numerusform>
            <numerusform>%n отстают</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reached</source>
        <translation>
            <numerusform>%n достигнута</numerusform>
            <numerusform>%n достигнуты</numerusform>
            <numerusform>%n достигнуто</numerusform>
        </translation>
    </message>
    <message>
        <source>all on track</source>
        <translation>все идут по плану</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>данных пока нет</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n цель</numerusform>
            <numerusform>%n цели</numerusform>
            <numerusform>%n целей</numerusform>
        </translation>
    </message>
    <message>
        <source>No goals yet</source>
        <translation>Целей пока нет</translation>
    </message>
    <message>
        <source>{spent} of {planned}</source>
        <translation>{spent} из {planned}</translation>
    </message>
    <message>
        <source>Plan to date: {amount}</source>
        <translation>План на сегодня: {amount}</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n заявка</numerusform>
            <numerusform>%n заявки</numerusform>
            <numerusform>%n заявок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n канал</numerusform>
            <numerusform>%n канала</numerusform>
            <numerusform>%n каналов</numerusform>
        </translation>
    </message>
    <message>
        <source>{revenue} revenue on {spend} spend</source>
        <translation>выручка {revenue} при расходах {spend}</translation>
    </message>
    <message>
        <source>No channel results yet</source>
        <translation>Результатов каналов пока нет</translation>
    </message>
    <message>
        <source>{start} – {end} ({months} months)</source>
        <translation>{start} – {end} ({months} мес.)</translation>
    </message>
    <message>
        <source>{n} off track</source>
        <translation>отстают: {n}</translation>
    </message>
    <message>
        <source>none off track</source>
        <translation>все по плану</translation>
    </message>
    <message>
        <source>{n} late</source>
        <translation>просрочено: {n}</translation>
    </message>
    <message>
        <source>{n} without owner</source>
        <translation>без ответственного: {n}</translation>
    </message>
    <message>
        <source>{n} done</source>
        <translation>выполнено: {n}</translation>
    </message>
    <message>
        <source>{n} weekly plans this week</source>
        <translation>недельных планов на этой неделе: {n}</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Over plan</source>
        <translation>Сверх плана</translation>
    </message>
    <message>
        <source>Plan, cumulative</source>
        <translation>План нарастающим итогом</translation>
    </message>
    <message>
        <source>Actual, cumulative</source>
        <translation>Факт нарастающим итогом</translation>
    </message>
    <message>
        <source>Fixed budget</source>
        <translation>Фиксированный бюджет</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>За месяц</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>Нарастающим итогом</translation>
    </message>
    <message>
        <source>No budget lines yet</source>
        <translation>Строк бюджета пока нет</translation>
    </message>
    <message>
        <source>No budget lines yet. Plan the budget on the Budget page.</source>
        <translation>Строк бюджета пока нет. Запланируйте бюджет на странице «Бюджет и контроль».</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Over capacity</source>
        <translation>Сверх ёмкости</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Ёмкость</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часы</translation>
    </message>
    <message>
        <source>W{week}</source>
        <translation>Н{week}</translation>
    </message>
    <message>
        <source>No weekly plans yet</source>
        <translation>Недельных планов пока нет</translation>
    </message>
    <message>
        <source>No weekly plans yet. Plan the team&apos;s weeks on the Weekly plans page.</source>
        <translation>Недельных планов пока нет. Спланируйте недели команды на странице «Недельные планы».</translation>
    </message>
    <message>
        <source>No channel results yet. Record them on the Results page.</source>
        <translation>Результатов каналов пока нет. Внесите их на странице «Результаты».</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Расход</translation>
    </message>
    <message>
        <source>No spend recorded</source>
        <translation>Расходов не записано</translation>
    </message>
    <message>
        <source>No spend recorded in the channels&apos; results yet.</source>
        <translation>В результатах каналов расходов пока нет.</translation>
    </message>
    <message>
        <source>Tasks done</source>
        <translation>Задачи выполнены</translation>
    </message>
    <message>
        <source>No weekly plans</source>
        <translation>Нет недельных планов</translation>
    </message>
    <message>
        <source>last week, W{week}</source>
        <translation>прошлая неделя, Н{week}</translation>
    </message>
    <message>
        <source>No weekly plans last week.</source>
        <translation>На прошлой неделе недельных планов не было.</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Сильные стороны</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>Слабые стороны</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Возможности</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>Угрозы</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Внутренние</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Внешние</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Пункты</translation>
    </message>
    <message>
        <source>No SWOT items yet</source>
        <translation>Пунктов SWOT пока нет</translation>
    </message>
    <message>
        <source>No SWOT items yet. Start the analysis on the SWOT page.</source>
        <translation>Пунктов SWOT пока нет. Начните анализ на странице SWOT.</translation>
    </message>
    <message>
        <source>{n} awaiting a decision</source>
        <translation>ждут решения: {n}</translation>
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message>
        <source>Export the meeting pack (PDF)</source>
        <translation>Экспорт пакета к встрече (PDF)</translation>
    </message>
    <message>
        <source>Print the meeting pack</source>
        <translation>Печать пакета к встрече</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Снять</translation>
    </message>
    <message>
        <source>Week of the weekly plans</source>
        <translation>Неделя планов</translation>
    </message>
    <message>
        <source>The whole tactical period</source>
        <translation>Весь тактический период</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Бумага</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Книжная</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Альбомная</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Ориентация</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>e.g. the client&apos;s company</source>
        <translation>например, компания клиента</translation>
    </message>
    <message>
        <source>Prepared for</source>
        <translation>Подготовлено для</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Логотип</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Double-click a page to see it larger.</source>
        <translation>Двойной щелчок покажет страницу крупнее.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>{week} (this week)</source>
        <translation>{week} (эта неделя)</translation>
    </message>
    <message>
        <source>This file cannot be used as a logo.</source>
        <translation>Этот файл нельзя использовать как логотип.</translation>
    </message>
    <message>
        <source>Choose a PNG, JPEG or SVG image.</source>
        <translation>Выберите изображение PNG, JPEG или SVG.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Без логотипа</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>Выберите хотя бы один раздел.</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Обложка</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Strategy on one page</source>
        <translation>Стратегия на одной странице</translation>
    </message>
    <message>
        <source>SWOT analysis</source>
        <translation>SWOT-анализ</translation>
    </message>
    <message>
        <source>Goals and progress</source>
        <translation>Цели и прогресс</translation>
    </message>
    <message>
        <source>Tactical timeline</source>
        <translation>Календарь действий</translation>
    </message>
    <message>
        <source>Weekly plans</source>
        <translation>Недельные планы</translation>
    </message>
    <message>
        <source>Budget and control</source>
        <translation>Бюджет и контроль</translation>
    </message>
    <message>
        <source>Results by channel</source>
        <translation>Результаты по каналам</translation>
    </message>
    <message>
        <source>Hypotheses</source>
        <translation>Гипотезы</translation>
    </message>
    <message>
        <source>Plan check</source>
        <translation>Проверка плана</translation>
    </message>
    <message>
        <source>The pack has no section named {name}.</source>
        <translation>В пакете нет раздела {name}.</translation>
    </message>
    <message>
        <source>{value} is not a week.</source>
        <translation>{value} — не неделя.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <source>{value} is not a paper size.</source>
        <translation>{value} — не формат бумаги.</translation>
    </message>
    <message>
        <source>{value} is not a language of the pack.</source>
        <translation>{value} — не язык пакета.</translation>
    </message>
    <message>
        <source>The logo cannot be read as an image: {path}</source>
        <translation>Логотип не читается как изображение: {path}</translation>
    </message>
    <message>
        <source>The font for the PDF (DejaVu Sans) was not found. Please reinstall the app.</source>
        <translation>Шрифт для PDF (DejaVu Sans) не найден. Переустановите программу.</translation>
    </message>
    <message>
        <source>The meeting pack could not be made.</source>
        <translation>Не удалось подготовить пакет к встрече.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Готовим предпросмотр…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message>
        <source>The preview shows the pages as they will be printed.</source>
        <translation>Предпросмотр показывает страницы такими, какими они будут напечатаны.</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>Страница {n}</translation>
    </message>
    <message>
        <source>Save the meeting pack as</source>
        <translation>Сохранить пакет к встрече как</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Записываем {name}…</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} уже существует. Заменить?</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отменяем…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>The meeting pack was saved.</source>
        <translation>Пакет к встрече сохранён.</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>Открыть PDF</translation>
    </message>
    <message>
        <source>Export cancelled. No file was written.</source>
        <translation>Экспорт отменён. Файл не записан.</translation>
    </message>
    <message>
        <source>The PDF was not saved.</source>
        <translation>PDF не сохранён.</translation>
    </message>
    <message>
        <source>The preview could not be made. The details are in the log: {path}</source>
        <translation>Не удалось подготовить предпросмотр. Подробности в журнале: {path}</translation>
    </message>
    <message>
        <source>Preparing the pages to print…</source>
        <translation>Готовим страницы к печати…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n страница отправлена на принтер.</numerusform>
            <numerusform>%n страницы отправлены на принтер.</numerusform>
            <numerusform>%n страниц отправлено на принтер.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Выберите логотип</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg *.bmp)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.svg *.bmp)</translation>
    </message>
    <message>
        <source>Export as an Excel workbook</source>
        <translation>Экспорт в книгу Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The plan was exported to an Excel workbook.</source>
        <translation>План выгружен в книгу Excel.</translation>
    </message>
    <message>
        <source>Choose a folder for the CSV files</source>
        <translation>Выберите папку для файлов CSV</translation>
    </message>
    <message>
        <source>This folder already holds CSV files of an export. Replace them?</source>
        <translation>В этой папке уже есть файлы CSV прошлого экспорта. Заменить их?</translation>
    </message>
    <message>
        <source>CSV files written: {n}.</source>
        <translation>Записано файлов CSV: {n}.</translation>
    </message>
</context>
<context>
    <name>QuadrantPanel</name>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n карточка</numerusform>
            <numerusform>%n карточки</numerusform>
            <numerusform>%n карточек</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>What each channel brought for its money: reach, leads, customers and revenue, and what one lead or one customer cost.</source>
        <translation>Что принёс каждый канал за свои деньги: охват, лиды, клиенты и выручка, и сколько стоили один лид и один клиент.</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Месяц</translation>
    </message>
    <message>
        <source>&amp;Import from CSV…</source>
        <translation>&amp;Импорт из CSV…</translation>
    </message>
    <message>
        <source>Impr.</source>
        <translation>Показы</translation>
    </message>
    <message>
        <source>Cust.</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Conv.</source>
        <translation>Конв.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Доля</translation>
    </message>
    <message>
        <source>No channels yet. Add channels on the Budget page first.</source>
        <translation>Каналов пока нет. Сначала добавьте каналы на странице бюджета.</translation>
    </message>
    <message>
        <source>Spend in grey is the month&apos;s expenses on the channel; type a figure to use another. “—”: not defined (nothing to divide by).</source>
        <translation>Расход серым — это расходы месяца по каналу; введите число, чтобы указать другое. «—»: не определено (не на что делить).</translation>
    </message>
    <message>
        <source>Impressions: how often the ads were shown</source>
        <translation>Показы: сколько раз показана реклама</translation>
    </message>
    <message>
        <source>Customers: new customers the channel brought</source>
        <translation>Клиенты: новые клиенты из канала</translation>
    </message>
    <message>
        <source>CTR: clicks per impression</source>
        <translation>CTR: клики на показ</translation>
    </message>
    <message>
        <source>CPC: spend per click</source>
        <translation>CPC: расход на клик</translation>
    </message>
    <message>
        <source>CPL: spend per lead</source>
        <translation>CPL: расход на заявку</translation>
    </message>
    <message>
        <source>Conversion: customers per lead</source>
        <translation>Конверсия: клиенты на заявку</translation>
    </message>
    <message>
        <source>CAC: spend per new customer</source>
        <translation>CAC: расход на нового клиента</translation>
    </message>
    <message>
        <source>ROMI: (revenue − spend) / spend</source>
        <translation>ROMI: (выручка − расход) / расход</translation>
    </message>
    <message>
        <source>The channel&apos;s share of the spend shown</source>
        <translation>Доля канала в показанных расходах</translation>
    </message>
    <message>
        <source>Taken from the expenses of this channel (and its actions)</source>
        <translation>Взято из расходов по каналу (и его мероприятиям)</translation>
    </message>
    <message>
        <source>Typed in; clear it (Delete) to take it from the expenses</source>
        <translation>Введено вручную; очистите (Delete), чтобы брать из расходов</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Все месяцы</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <source>Leads from &lt;b&gt;{cheap}&lt;/b&gt; cost {cheap_cpl}; from &lt;b&gt;{expensive}&lt;/b&gt;, {expensive_cpl} — {ratio} times as much.</source>
        <translation>Заявка из канала &lt;b&gt;{cheap}&lt;/b&gt; стоит {cheap_cpl}, из канала &lt;b&gt;{expensive}&lt;/b&gt; — {expensive_cpl}, в {ratio} раза дороже.</translation>
    </message>
    <message>
        <source>Consider moving money from {expensive} to {cheap}.</source>
        <translation>Имеет смысл перенести деньги из канала «{expensive}» в «{cheap}».</translation>
    </message>
    <message>
        <source>Channel results</source>
        <translation>Результаты каналов</translation>
    </message>
</context>
<context>
    <name>StrategyPage</name>
    <message>
        <source>Where the business stands: strengths and weaknesses inside, opportunities and threats outside, and what to do about them.</source>
        <translation>Где бизнес находится: сильные и слабые стороны внутри, возможности и угрозы снаружи, и что с этим делать.</translation>
    </message>
    <message>
        <source>Enter adds · F2 edits · Ctrl+arrows move</source>
        <translation>Enter — добавить · F2 — изменить · Ctrl+стрелки — двигать</translation>
    </message>
    <message>
        <source>On a card: Enter adds a card to its quadrant, F2 edits it in place, Delete deletes it, 1–5 set its weight, Ctrl+arrows move it (or drag it). Right-click for more.</source>
        <translation>На карточке: Enter добавляет карточку в её квадрант, F2 изменяет её на месте, Delete удаляет, 1–5 задают вес, Ctrl+стрелки перемещают (или перетащите её). Правый щелчок — другие действия.</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Все источники</translation>
    </message>
    <message>
        <source>Show only the cards from one source</source>
        <translation>Показать только карточки из одного источника</translation>
    </message>
    <message>
        <source>Mission: what the company does, for whom, and why. Click to write it.</source>
        <translation>Миссия: что компания делает, для кого и зачем. Щёлкните, чтобы написать.</translation>
    </message>
    <message>
        <source>Values: what the company will and will not do. Click to write them.</source>
        <translation>Ценности: что компания будет и не будет делать. Щёлкните, чтобы написать.</translation>
    </message>
    <message>
        <source>Click to edit; the change is saved when you leave the field.</source>
        <translation>Щёлкните, чтобы изменить; изменение сохранится, когда вы покинете поле.</translation>
    </message>
    <message>
        <source>SWOT analysis</source>
        <translation>SWOT-анализ</translation>
    </message>
</context>
<context>
    <name>SwotBoard</name>
    <message>
        <source>Strengths</source>
        <translation>Сильные стороны</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>Слабые стороны</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Возможности</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>Угрозы</translation>
    </message>
    <message>
        <source>What helps us reach the goals?</source>
        <translation>Что помогает нам достигать целей?</translation>
    </message>
    <message>
        <source>What must the plan allow for?</source>
        <translation>Что нужно учесть в плане?</translation>
    </message>
    <message>
        <source>What is opening up on the market?</source>
        <translation>Что открывается на рынке?</translation>
    </message>
    <message>
        <source>What could hurt us, and how do we answer it?</source>
        <translation>Что может нам навредить и как мы ответим?</translation>
    </message>
    <message>
        <source>Add a strength…</source>
        <translation>Добавить сильную сторону…</translation>
    </message>
    <message>
        <source>Add a weakness…</source>
        <translation>Добавить слабую сторону…</translation>
    </message>
    <message>
        <source>Add an opportunity…</source>
        <translation>Добавить возможность…</translation>
    </message>
    <message>
        <source>Add a threat…</source>
        <translation>Добавить угрозу…</translation>
    </message>
    <message>
        <source>Weight {weight} of 5 · Source: {source}</source>
        <translation>Вес {weight} из 5 · Источник: {source}</translation>
    </message>
    <message>
        <source>{quadrant}: {text}. Weight {weight} of 5. Source: {source}.</source>
        <translation>{quadrant}: {text}. Вес {weight} из 5. Источник: {source}.</translation>
    </message>
    <message>
        <source>Weight: importance from 1 to 5</source>
        <translation>Вес: важность от 1 до 5</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>What is it?</source>
        <translation>Что это?</translation>
    </message>
    <message>
        <source>Note (shown on hover)</source>
        <translation>Заметка (видна при наведении)</translation>
    </message>
    <message>
        <source>No card from this source.</source>
        <translation>Нет карточек из этого источника.</translation>
    </message>
    <message>
        <source>Type the answer below and press Enter.</source>
        <translation>Впишите ответ ниже и нажмите Enter.</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>Показано {shown} из {total}</translation>
    </message>
    <message>
        <source>Edit card</source>
        <translation>Изменить карточку</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Переместить в</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Внутренние</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Внешние</translation>
    </message>
</context>
<context>
    <name>TacticsPage</name>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Each goal broken into concrete actions, with an owner, dates, a budget and a status, month by month.</source>
        <translation>Каждая цель разбита на конкретные действия: ответственный, сроки, бюджет и статус — по месяцам.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>График</translation>
    </message>
    <message>
        <source>Directions &amp;&amp; reporting</source>
        <translation>Направления и отчётность</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>Filter by direction</source>
        <translation>Отбор по направлению</translation>
    </message>
    <message>
        <source>Filter by goal</source>
        <translation>Отбор по цели</translation>
    </message>
    <message>
        <source>Filter by owner</source>
        <translation>Отбор по ответственному</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Отбор по статусу</translation>
    </message>
    <message>
        <source>Filter by month</source>
        <translation>Отбор по месяцу</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить отбор</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Группы:</translation>
    </message>
    <message>
        <source>Group the actions</source>
        <translation>Группировка действий</translation>
    </message>
    <message>
        <source>by direction</source>
        <translation>по направлениям</translation>
    </message>
    <message>
        <source>by goal</source>
        <translation>по целям</translation>
    </message>
    <message>
        <source>no grouping</source>
        <translation>без группировки</translation>
    </message>
    <message>
        <source>Double-click a cell to change it; click a column title to sort within the groups. Late actions and actions without an owner or a budget are marked.</source>
        <translation>Дважды щёлкните ячейку, чтобы изменить её; щелчок по заголовку столбца сортирует внутри групп. Просроченные действия и действия без ответственного или бюджета выделены.</translation>
    </message>
    <message>
        <source>No actions yet. Break a goal into the first concrete step: what, who, by when, for how much?</source>
        <translation>Действий пока нет. Разбейте цель на первый конкретный шаг: что, кто, к какому сроку, за сколько?</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Добавить действие</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Tactical period from</source>
        <translation>Тактический период с</translation>
    </message>
    <message>
        <source>for</source>
        <translation>на</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Квартал</translation>
    </message>
    <message>
        <source>Three months across the view (Ctrl++)</source>
        <translation>Три месяца на ширину окна (Ctrl++)</translation>
    </message>
    <message>
        <source>Half year</source>
        <translation>Полгода</translation>
    </message>
    <message>
        <source>Six months across the view</source>
        <translation>Шесть месяцев на ширину окна</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Twelve months across the view (Ctrl+−)</source>
        <translation>Двенадцать месяцев на ширину окна (Ctrl+−)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Scroll to today (Home)</source>
        <translation>Перейти к сегодняшнему дню (Home)</translation>
    </message>
    <message>
        <source>Drag a bar to move the action, or its end to change the due date; Ctrl+Z undoes it. Keys: ←/→ move the selected action by a day (Ctrl: a week; Shift: the due date only), Enter opens it in the table.</source>
        <translation>Перетащите полосу, чтобы сдвинуть действие, или её край, чтобы изменить срок; Ctrl+Z отменяет. Клавиши: ←/→ сдвигают выбранное действие на день (с Ctrl — на неделю, с Shift — только срок), Enter открывает его в таблице.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>No actions to show. Add actions on the Actions tab, or clear the filters.</source>
        <translation>Нет действий для показа. Добавьте их на вкладке «Действия» или сбросьте отбор.</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Направления</translation>
    </message>
    <message>
        <source>The areas the actions belong to, each with its colour on the timeline. Double-click a name or a colour (#RRGGBB) to change it.</source>
        <translation>Направления, к которым относятся действия, и их цвета на графике. Дважды щёлкните название или цвет (#RRGGBB), чтобы изменить.</translation>
    </message>
    <message>
        <source>No directions. Add one: marketing, sales, finance, production, HR…</source>
        <translation>Направлений нет. Добавьте: маркетинг, продажи, финансы, производство, персонал…</translation>
    </message>
    <message>
        <source>Add direction</source>
        <translation>Добавить направление</translation>
    </message>
    <message>
        <source>Choose colour…</source>
        <translation>Выбрать цвет…</translation>
    </message>
    <message>
        <source>Reporting rules</source>
        <translation>Правила отчётности</translation>
    </message>
    <message>
        <source>How often the plan is reported on, who makes the report, who reads it and who changes the activities because of it. They are printed in the meeting pack.</source>
        <translation>Как часто делаются отчёты по плану, кто их готовит, кто читает и кто по ним меняет действия. Эти правила печатаются в материалах к совещанию.</translation>
    </message>
    <message>
        <source>e.g. the marketing lead</source>
        <translation>например, руководитель маркетинга</translation>
    </message>
    <message>
        <source>e.g. the owner</source>
        <translation>например, владелец</translation>
    </message>
    <message>
        <source>e.g. the owner with the marketing lead</source>
        <translation>например, владелец вместе с руководителем маркетинга</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Как часто</translation>
    </message>
    <message>
        <source>Who makes the report</source>
        <translation>Кто готовит отчёт</translation>
    </message>
    <message>
        <source>Who reads it</source>
        <translation>Кто читает</translation>
    </message>
    <message>
        <source>Who acts on it</source>
        <translation>Кто меняет действия по отчёту</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>Все направления</translation>
    </message>
    <message>
        <source>No direction</source>
        <translation>Без направления</translation>
    </message>
    <message>
        <source>All goals</source>
        <translation>Все цели</translation>
    </message>
    <message>
        <source>No goal</source>
        <translation>Без цели</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Все ответственные</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Без ответственного</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Требует внимания</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Все месяцы</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n месяц</numerusform>
            <numerusform>%n месяца</numerusform>
            <numerusform>%n месяцев</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n действие</numerusform>
            <numerusform>%n действия</numerusform>
            <numerusform>%n действий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 actions shown</source>
        <translation>
            <numerusform>Показано %n из %1</numerusform>
            <numerusform>Показано %n из %1</numerusform>
            <numerusform>Показано %n из %1</numerusform>
        </translation>
    </message>
    <message>
        <source>late</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>нет ответственного</translation>
    </message>
    <message>
        <source>owner left</source>
        <translation>ответственный ушёл</translation>
    </message>
    <message>
        <source>no budget</source>
        <translation>нет бюджета</translation>
    </message>
    <message>
        <source>no dates</source>
        <translation>нет сроков</translation>
    </message>
    <message>
        <source>{name} (left)</source>
        <translation>{name} (ушёл)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задан</translation>
    </message>
    <message>
        <source>No dates</source>
        <translation>Сроки не заданы</translation>
    </message>
    <message>
        <source>Late: it was due on {date} and is not done.</source>
        <translation>Просрочено: срок был {date}, а действие не выполнено.</translation>
    </message>
    <message>
        <source>Nobody is responsible for it.</source>
        <translation>У действия нет ответственного.</translation>
    </message>
    <message>
        <source>{name} has left: choose a new owner.</source>
        <translation>{name} больше не работает: выберите нового ответственного.</translation>
    </message>
    <message>
        <source>Its budget is not set (0 if it costs nothing).</source>
        <translation>Бюджет не задан (0, если действие бесплатное).</translation>
    </message>
    <message>
        <source>It has no dates, so it is not on the timeline.</source>
        <translation>У действия нет сроков, поэтому его нет на графике.</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n раз</numerusform>
            <numerusform>%n раза</numerusform>
            <numerusform>%n раз</numerusform>
        </translation>
    </message>
    <message>
        <source>{how}: {times}, next on {date}.</source>
        <translation>{how}: {times}, следующий — {date}.</translation>
    </message>
    <message>
        <source>{how}: {times}, the last on {date}.</source>
        <translation>{how}: {times}, последний — {date}.</translation>
    </message>
    <message>
        <source>Select an action to see its direction and repeats.</source>
        <translation>Выберите действие, чтобы увидеть его направление и повторы.</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>Новое действие</translation>
    </message>
    <message>
        <source>New direction</source>
        <translation>Новое направление</translation>
    </message>
    <message>
        <source>Colour of the direction</source>
        <translation>Цвет направления</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <source>Nobody works in this week. Add people on the People tab.</source>
        <translation>На этой неделе никто не работает. Добавьте людей на вкладке «Люди».</translation>
    </message>
    <message>
        <source>The team in this week</source>
        <translation>Команда на этой неделе</translation>
    </message>
    <message>
        <source>Double-click a person to open their week.</source>
        <translation>Двойной щелчок по человеку открывает его неделю.</translation>
    </message>
    <message>
        <source>No weekly plans in these weeks.</source>
        <translation>В эти недели нет недельных планов.</translation>
    </message>
    <message>
        <source>Week by week</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <source>The same figures up to the week after the chosen one; double-click a cell to open that week.</source>
        <translation>Те же показатели до недели после выбранной; двойной щелчок по ячейке открывает эту неделю.</translation>
    </message>
    <message>
        <source>Figure shown</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Planned, h</source>
        <translation>План, ч</translation>
    </message>
    <message>
        <source>Capacity, h</source>
        <translation>Ёмкость, ч</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <source>Tasks done</source>
        <translation>Задачи выполнены</translation>
    </message>
    <message>
        <source>Targets reached</source>
        <translation>Выполнение целей</translation>
    </message>
    <message>
        <source>Hours for goals</source>
        <translation>Часы на цели</translation>
    </message>
    <message>
        <source>no plan</source>
        <translation>нет плана</translation>
    </message>
    <message>
        <source>{share} ({done} of {tasks})</source>
        <translation>{share} ({done} из {tasks})</translation>
    </message>
    <message>
        <source>Load (planned ÷ capacity)</source>
        <translation>Загрузка (план ÷ ёмкость)</translation>
    </message>
    <message>
        <source>Planned hours</source>
        <translation>Плановые часы</translation>
    </message>
    <message>
        <source>{person}: no plan in {week}</source>
        <translation>{person}: нет плана на {week}</translation>
    </message>
    <message>
        <source>{person}, {week}: {planned} h of {capacity} h planned</source>
        <translation>{person}, {week}: запланировано {planned} ч из {capacity} ч</translation>
    </message>
    <message>
        <source>Wk {week}</source>
        <translation>Нед. {week}</translation>
    </message>
</context>
<context>
    <name>ThreadFigures</name>
    <message>
        <source>Hours on goals</source>
        <translation>Часы на цели</translation>
    </message>
    <message>
        <source>{traced} of {planned} h planned this week</source>
        <translation>{traced} из {planned} ч, запланированных на неделю</translation>
    </message>
    <message>
        <source>Spend on goals</source>
        <translation>Расходы на цели</translation>
    </message>
    <message>
        <source>{traced} of {spent} spent</source>
        <translation>{traced} из {spent} потраченных</translation>
    </message>
    <message>
        <source>Golden thread</source>
        <translation>Золотая нить</translation>
    </message>
    <message>
        <source>Work and money trace to a goal through an action that serves one.</source>
        <translation>Работа и деньги ведут к цели через действие, которое ей служит.</translation>
    </message>
    <message>
        <source>Each person&apos;s hours this week</source>
        <translation>Часы каждого сотрудника на этой неделе</translation>
    </message>
    <message>
        <source>{traced} of {planned} h</source>
        <translation>{traced} из {planned} ч</translation>
    </message>
    <message>
        <source>No hours planned this week: {names}</source>
        <translation>На этой неделе нет запланированных часов: {names}</translation>
    </message>
</context>
<context>
    <name>TowsPanel</name>
    <message>
        <source>Use</source>
        <translation>Использовать</translation>
    </message>
    <message>
        <source>Defend</source>
        <translation>Защититься</translation>
    </message>
    <message>
        <source>Improve</source>
        <translation>Улучшить</translation>
    </message>
    <message>
        <source>Avoid</source>
        <translation>Избежать</translation>
    </message>
    <message>
        <source>strengths × opportunities</source>
        <translation>сильные стороны × возможности</translation>
    </message>
    <message>
        <source>strengths × threats</source>
        <translation>сильные стороны × угрозы</translation>
    </message>
    <message>
        <source>weaknesses × opportunities</source>
        <translation>слабые стороны × возможности</translation>
    </message>
    <message>
        <source>weaknesses × threats</source>
        <translation>слабые стороны × угрозы</translation>
    </message>
    <message>
        <source>How can a strength seize an opportunity?</source>
        <translation>Как сильная сторона поможет воспользоваться возможностью?</translation>
    </message>
    <message>
        <source>How can a strength answer a threat?</source>
        <translation>Как сильная сторона поможет ответить на угрозу?</translation>
    </message>
    <message>
        <source>Which opportunity helps to overcome a weakness?</source>
        <translation>Какая возможность поможет преодолеть слабость?</translation>
    </message>
    <message>
        <source>How do we keep a weakness away from a threat?</source>
        <translation>Как не дать слабости встретиться с угрозой?</translation>
    </message>
    <message>
        <source>{internal} × {external}</source>
        <translation>{internal} × {external}</translation>
    </message>
    <message>
        <source>Goal: {title}</source>
        <translation>Цель: {title}</translation>
    </message>
    <message>
        <source>Make a goal</source>
        <translation>Сделать целью</translation>
    </message>
    <message>
        <source>No goal yet</source>
        <translation>Цели пока нет</translation>
    </message>
    <message>
        <source>Strategic options</source>
        <translation>Стратегические варианты</translation>
    </message>
    <message>
        <source>Add at least one strength or weakness and one opportunity or threat to the board first.</source>
        <translation>Сначала добавьте хотя бы одну сильную или слабую сторону и одну возможность или угрозу.</translation>
    </message>
    <message>
        <source>This will be a {kind} option: {title}, {description}.</source>
        <translation>Это будет вариант {kind}: {title}, {description}.</translation>
    </message>
    <message>
        <source>Open the goal</source>
        <translation>Открыть цель</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Изменить текст</translation>
    </message>
    <message>
        <source>Internal factor</source>
        <translation>Внутренний фактор</translation>
    </message>
    <message>
        <source>External factor</source>
        <translation>Внешний фактор</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Strategic options (TOWS)</source>
        <translation>Стратегические варианты (TOWS)</translation>
    </message>
    <message>
        <source>Pair an internal factor with an external one and write what to do. An option can become a goal.</source>
        <translation>Соедините внутренний фактор с внешним и напишите, что делать. Вариант можно сделать целью.</translation>
    </message>
    <message>
        <source>What will we do?</source>
        <translation>Что будем делать?</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>A strength or a weakness</source>
        <translation>Сильная или слабая сторона</translation>
    </message>
    <message>
        <source>An opportunity or a threat</source>
        <translation>Возможность или угроза</translation>
    </message>
</context>
<context>
    <name>WeekNavigator</name>
    <message>
        <source>Previous week (Alt+Left)</source>
        <translation>Предыдущая неделя (Alt+←)</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Предыдущая неделя</translation>
    </message>
    <message>
        <source>Next week (Alt+Right)</source>
        <translation>Следующая неделя (Alt+→)</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Следующая неделя</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Эта неделя</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Перейти к</translation>
    </message>
    <message>
        <source>Jump to the week of a date</source>
        <translation>Перейти к неделе, в которую входит дата</translation>
    </message>
</context>
<context>
    <name>WeeklyPage</name>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>End product: the checkable result. Enter adds a task.</source>
        <translation>Конечный продукт — проверяемый результат. Enter добавляет задачу.</translation>
    </message>
    <message>
        <source>Capacity, h</source>
        <translation>Ёмкость, ч</translation>
    </message>
    <message>
        <source>Actual, h</source>
        <translation>Факт, ч</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Добавить задачу</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>What each person does in a week, what comes out of it and how long it takes.</source>
        <translation>Что каждый делает за неделю, что из этого получается и сколько это занимает времени.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Prepare next week</source>
        <translation>Подготовить следующую неделю</translation>
    </message>
    <message>
        <source>Copies the regular tasks into next week and carries over the unfinished ones; next week&apos;s targets start from this week&apos;s results + 1 %.</source>
        <translation>Копирует регулярные задачи в следующую неделю и переносит невыполненные; цели следующей недели — результаты этой недели + 1 %.</translation>
    </message>
    <message>
        <source>Return to draft</source>
        <translation>Вернуть в черновик</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Отправить на утверждение</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Утвердить</translation>
    </message>
    <message>
        <source>Close the week</source>
        <translation>Закрыть неделю</translation>
    </message>
    <message>
        <source>Reopen the week</source>
        <translation>Открыть неделю снова</translation>
    </message>
    <message>
        <source>Target metrics</source>
        <translation>Целевые показатели</translation>
    </message>
    <message>
        <source>What the week should bring, planned and actual.</source>
        <translation>Что должна дать неделя: план и факт.</translation>
    </message>
    <message>
        <source>No target metrics yet: what result should this week bring?</source>
        <translation>Целевых показателей пока нет: какой результат должна дать эта неделя?</translation>
    </message>
    <message>
        <source>Add metric</source>
        <translation>Добавить показатель</translation>
    </message>
    <message>
        <source>Suggest targets</source>
        <translation>Предложить цели</translation>
    </message>
    <message>
        <source>Planned value = last week&apos;s actual + 1 % (raise the bar slowly).</source>
        <translation>План = факт прошлой недели + 1 % (планка поднимается постепенно).</translation>
    </message>
    <message>
        <source>Tasks and their end products</source>
        <translation>Задачи и их конечные продукты</translation>
    </message>
    <message>
        <source>Start an empty plan</source>
        <translation>Начать пустой план</translation>
    </message>
    <message>
        <source>Prepare from last week</source>
        <translation>Подготовить из прошлой недели</translation>
    </message>
    <message>
        <source>Not measured</source>
        <translation>Не измерялся</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Достигнуто</translation>
    </message>
    <message>
        <source>Est., h</source>
        <translation>Оценка, ч</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Regular tasks are copied into every week; unplanned ones came up during the week.</source>
        <translation>Регулярные задачи копируются в каждую неделю; внеплановые появились в течение недели.</translation>
    </message>
    <message>
        <source>Hours a week</source>
        <translation>Ч в неделю</translation>
    </message>
    <message>
        <source>Unplannable</source>
        <translation>Непланируемо</translation>
    </message>
    <message>
        <source>Active from</source>
        <translation>Работает с</translation>
    </message>
    <message>
        <source>Active to</source>
        <translation>Работает по</translation>
    </message>
    <message>
        <source>No people yet. Add the people who do the work.</source>
        <translation>Людей пока нет. Добавьте тех, кто делает работу.</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Добавить человека</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Новый сотрудник</translation>
    </message>
    <message>
        <source>Unplannable: the share of time that cannot be planned, e.g. 40 % for a barista who takes the inbound calls. Capacity = hours × (1 − unplannable) × {share}.</source>
        <translation>Непланируемо — доля времени, которую нельзя запланировать, например 40 % у бариста на входящих звонках. Ёмкость = часы × (1 − непланируемо) × {share}.</translation>
    </message>
    <message>
        <source>Unplanned work: type it here</source>
        <translation>Внеплановая работа: впишите сюда</translation>
    </message>
    <message>
        <source>A free row for work that comes up during the week.</source>
        <translation>Свободная строка для работы, которая появится в течение недели.</translation>
    </message>
    <message>
        <source>Carried over from last week.</source>
        <translation>Перенесена с прошлой недели.</translation>
    </message>
    <message>
        <source>Serves the goal “{goal}”.</source>
        <translation>Служит цели «{goal}».</translation>
    </message>
    <message>
        <source>what comes out? (missing)</source>
        <translation>что получится? (не указано)</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Плановая</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>Регулярная</translation>
    </message>
    <message>
        <source>Unplanned</source>
        <translation>Внеплановая</translation>
    </message>
    <message>
        <source>Goal: {goal}</source>
        <translation>Цель: {goal}</translation>
    </message>
    <message>
        <source>This action serves no goal.</source>
        <translation>Это мероприятие не служит ни одной цели.</translation>
    </message>
    <message>
        <source>{person} has no plan for this week yet.</source>
        <translation>У сотрудника {person} пока нет плана на эту неделю.</translation>
    </message>
    <message>
        <source>Add the people who do the work first.</source>
        <translation>Сначала добавьте людей, которые выполняют работу.</translation>
    </message>
    <message>
        <source>Each person gets a weekly plan: the People tab lists the team.</source>
        <translation>У каждого сотрудника свой недельный план; команда — на вкладке «Люди».</translation>
    </message>
    <message>
        <source>Prepare it from last week: regular tasks are copied, unfinished ones carried over, and the targets start from last week&apos;s results + 1 %.</source>
        <translation>Подготовьте его из прошлой недели: регулярные задачи копируются, невыполненные переносятся, а цели — результаты прошлой недели + 1 %.</translation>
    </message>
    <message>
        <source>Start with the week&apos;s target metrics, then the tasks that get there.</source>
        <translation>Начните с целевых показателей недели, затем задачи, которые к ним ведут.</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>Нет плана</translation>
    </message>
    <message>
        <source>Nothing is planned for this week yet.</source>
        <translation>На эту неделю пока ничего не запланировано.</translation>
    </message>
    <message>
        <source>the manager</source>
        <translation>руководитель</translation>
    </message>
    <message>
        <source>Being written by {person}; actuals come after approval.</source>
        <translation>Составляет {person}; факт вносится после утверждения.</translation>
    </message>
    <message>
        <source>Submitted on {date}; waiting for {manager} to approve.</source>
        <translation>Отправлен {date}; ждёт утверждения: {manager}.</translation>
    </message>
    <message>
        <source>Approved on {date} by {who}.</source>
        <translation>Утверждён {date} ({who}).</translation>
    </message>
    <message>
        <source>Approved on {date}.</source>
        <translation>Утверждён {date}.</translation>
    </message>
    <message>
        <source>Fill in the actuals, then close the week.</source>
        <translation>Внесите факт и закройте неделю.</translation>
    </message>
    <message>
        <source>Closed on {date}: reopen the week to change it.</source>
        <translation>Закрыт {date}: чтобы изменить, откройте неделю снова.</translation>
    </message>
    <message>
        <source>{planned} h planned of {capacity} h capacity</source>
        <translation>Запланировано {planned} ч из {capacity} ч ёмкости</translation>
    </message>
    <message>
        <source>Capacity = {hours} h × (1 − {unplannable}) × {share} = {capacity} h.</source>
        <translation>Ёмкость = {hours} ч × (1 − {unplannable}) × {share} = {capacity} ч.</translation>
    </message>
    <message>
        <source>Over by {hours} h.</source>
        <translation>Перегрузка на {hours} ч.</translation>
    </message>
    <message>
        <source>Close to the limit.</source>
        <translation>Близко к пределу.</translation>
    </message>
    <message>
        <source>Actual: {hours} h.</source>
        <translation>Факт: {hours} ч.</translation>
    </message>
    <message>
        <source>{share} of the planned hours serve a goal.</source>
        <translation>{share} плановых часов служат целям.</translation>
    </message>
    <message>
        <source>New metric</source>
        <translation>Новый показатель</translation>
    </message>
    <message>
        <source>Nothing to suggest.</source>
        <translation>Предложить нечего.</translation>
    </message>
    <message>
        <source>Suggestions start from last week&apos;s actual values of the same metrics, and last week has none.</source>
        <translation>Предложения строятся на фактических значениях тех же показателей за прошлую неделю, а их нет.</translation>
    </message>
    <message>
        <source>Next week already has these tasks.</source>
        <translation>В следующей неделе эти задачи уже есть.</translation>
    </message>
    <message>
        <source>Next week prepared: {regular} regular, {carried} carried over, {metrics} target metrics.</source>
        <translation>Следующая неделя подготовлена: регулярных — {regular}, перенесено — {carried}, целевых показателей — {metrics}.</translation>
    </message>
    <message>
        <source>Are you sure?</source>
        <translation>Продолжить?</translation>
    </message>
    <message>
        <source>The week cannot be submitted.</source>
        <translation>Неделю нельзя отправить на утверждение.</translation>
    </message>
    <message>
        <source>The week cannot be approved.</source>
        <translation>Неделю нельзя утвердить.</translation>
    </message>
    <message>
        <source>The week cannot be returned to draft.</source>
        <translation>Неделю нельзя вернуть в черновик.</translation>
    </message>
    <message>
        <source>The week cannot be closed yet.</source>
        <translation>Неделю пока нельзя закрыть.</translation>
    </message>
    <message>
        <source>The week cannot be reopened.</source>
        <translation>Неделю нельзя открыть снова.</translation>
    </message>
    <message>
        <source>This step is not possible.</source>
        <translation>Этот шаг сейчас невозможен.</translation>
    </message>
    <message>
        <source>Submit anyway</source>
        <translation>Всё равно отправить</translation>
    </message>
    <message>
        <source>Approve anyway</source>
        <translation>Всё равно утвердить</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>Продолжить</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) have no actual hours.</source>
        <translation>
            <numerusform>У %n задачи нет фактических часов.</numerusform>
            <numerusform>У %n задач нет фактических часов.</numerusform>
            <numerusform>У %n задач нет фактических часов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target metric(s) have no actual value (tick “Not measured” where there is none).</source>
        <translation>
            <numerusform>У %n целевого показателя нет факта (отметьте «Не измерялся», если его нет).</numerusform>
            <numerusform>У %n целевых показателей нет факта (отметьте «Не измерялся», если его нет).</numerusform>
            <numerusform>У %n целевых показателей нет факта (отметьте «Не измерялся», если его нет).</numerusform>
        </translation>
    </message>
    <message>
        <source>A week that is “{state}” cannot take this step.</source>
        <translation>Неделя в состоянии «{state}» не может сделать этот шаг.</translation>
    </message>
    <message>
        <source>{planned} h are planned, more than the capacity of {capacity} h.</source>
        <translation>Запланировано {planned} ч — больше ёмкости {capacity} ч.</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) name no end product.</source>
        <translation>
            <numerusform>У %n задачи не указан конечный продукт.</numerusform>
            <numerusform>У %n задач не указан конечный продукт.</numerusform>
            <numerusform>У %n задач не указан конечный продукт.</numerusform>
        </translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Marketing Planner</source>
        <translation>Маркетинговый планировщик</translation>
    </message>
    <message>
        <source>From SWOT to goals, actions, weekly plans and a budget under control. One plan is one file, saved after every change.</source>
        <translation>От SWOT к целям, действиям, недельным планам и бюджету под контролем. Один план — один файл, сохраняется после каждого изменения.</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Новый план</translation>
    </message>
    <message>
        <source>e.g. Coffee house 2026</source>
        <translation>например, Кофейня 2026</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Language of the plan</source>
        <translation>Язык плана</translation>
    </message>
    <message>
        <source>Create plan…</source>
        <translation>Создать план…</translation>
    </message>
    <message>
        <source>Open plan…</source>
        <translation>Открыть план…</translation>
    </message>
    <message>
        <source>Open the demo plan</source>
        <translation>Открыть демо-план</translation>
    </message>
    <message>
        <source>A small coffee house with a complete plan to explore</source>
        <translation>Небольшая кофейня с полным планом для знакомства</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>Открыть недавние</translation>
    </message>
    <message>
        <source>Plans you open will be listed here.</source>
        <translation>Здесь появятся планы, которые вы открываете.</translation>
    </message>
    <message>
        <source>Back to “{plan}”</source>
        <translation>Вернуться к «{plan}»</translation>
    </message>
</context>
<context>
    <name>WhyDock</name>
    <message>
        <source>Why? — the golden thread</source>
        <translation>Зачем? — золотая нить</translation>
    </message>
</context>
<context>
    <name>WhyPanel</name>
    <message>
        <source>Why is this in the plan?</source>
        <translation>Зачем это в плане?</translation>
    </message>
    <message>
        <source>Select a weekly task, an action, an expense or a goal, then press {key}: the golden thread shows the goal it serves and the analysis behind it, or, for a goal, the work and the money that go into it.</source>
        <translation>Выберите задачу недели, действие, расход или цель и нажмите {key}: золотая нить покажет цель, которой это служит, и анализ, на котором она основана, а для цели — работу и деньги, которые в неё вложены.</translation>
    </message>
    <message>
        <source>The golden thread starts from a weekly task, an action, an expense or a goal; this is a {thing}.</source>
        <translation>Золотая нить начинается от задачи недели, действия, расхода или цели; а здесь выбрано: {thing}.</translation>
    </message>
    <message>
        <source>This row no longer exists.</source>
        <translation>Этой строки больше нет.</translation>
    </message>
    <message>
        <source>How this goal is pursued</source>
        <translation>Как достигается эта цель</translation>
    </message>
    <message>
        <source>SWOT · {quadrant}</source>
        <translation>SWOT · {quadrant}</translation>
    </message>
    <message>
        <source>Strategic option</source>
        <translation>Стратегический вариант</translation>
    </message>
    <message>
        <source>Weekly task</source>
        <translation>Задача недели</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>Расход</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>paid for the action</source>
        <translation>оплачивает действие</translation>
    </message>
    <message>
        <source>works towards the action</source>
        <translation>работает на действие</translation>
    </message>
    <message>
        <source>serves the goal</source>
        <translation>служит цели</translation>
    </message>
    <message>
        <source>chosen because of</source>
        <translation>выбрана из-за</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <source>This task is not linked to an action, so it traces to no goal. Link it to an action in its weekly plan.</source>
        <translation>Задача не связана с действием, поэтому не ведёт ни к одной цели. Свяжите её с действием в недельном плане.</translation>
    </message>
    <message>
        <source>This expense is not booked on an action, so it traces to no goal. Choose its action on the Budget page.</source>
        <translation>Расход не отнесён к действию, поэтому не ведёт ни к одной цели. Выберите действие на странице бюджета.</translation>
    </message>
    <message>
        <source>This action serves no goal: the work and money under it trace to nothing. Choose its goal in the tactical plan.</source>
        <translation>Действие не служит ни одной цели: работа и деньги под ним никуда не ведут. Выберите его цель в тактическом плане.</translation>
    </message>
    <message>
        <source>No SWOT item or strategic option stands behind this goal yet: link it to one on the Goals or the SWOT page.</source>
        <translation>За этой целью пока не стоит ни пункт SWOT, ни стратегический вариант: свяжите её с ними на странице целей или SWOT.</translation>
    </message>
    <message>
        <source>Actions that serve it</source>
        <translation>Действия, которые ей служат</translation>
    </message>
    <message>
        <source>No action serves this goal yet: add one in the tactical plan.</source>
        <translation>Этой цели пока не служит ни одно действие: добавьте его в тактический план.</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>нет ответственного</translation>
    </message>
    <message>
        <source>spent {spent} of {budget}</source>
        <translation>потрачено {spent} из {budget}</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>срок {date}</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Эта неделя</translation>
    </message>
    <message>
        <source>No task of this week works towards it.</source>
        <translation>Ни одна задача этой недели на неё не работает.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} ч</translation>
    </message>
    <message>
        <source>In total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>{hours} h planned this week</source>
        <translation>{hours} ч запланировано на этой неделе</translation>
    </message>
    <message>
        <source>{spent} spent of {budget} budgeted for its actions</source>
        <translation>потрачено {spent} из {budget}, заложенных на её действия</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Marketing Planner</source>
        <translation>Маркетинговый планировщик</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>This plan is open read-only.</source>
        <translation>Этот план открыт только для чтения.</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation>Изменение не сохранено</translation>
    </message>
    <message>
        <source>Could not {what}</source>
        <translation>Не удалось: {what}</translation>
    </message>
    <message>
        <source>This value cannot be read</source>
        <translation>Это значение не удаётся прочитать</translation>
    </message>
    <message>
        <source>Sorry, something went wrong.</source>
        <translation>Извините, что-то пошло не так.</translation>
    </message>
    <message>
        <source>Your plan is safe: every change made before this was saved. The details were written to the log file:
{path}
Please send it to the developers.</source>
        <translation>Ваш план в безопасности: все изменения до этого момента сохранены. Подробности записаны в журнал:
{path}
Пожалуйста, отправьте его разработчикам.</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>Открыть план</translation>
    </message>
    <message>
        <source>Marketing plans (*.mktplan);;All files (*)</source>
        <translation>Маркетинговые планы (*.mktplan);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Marketing plans (*.mktplan)</source>
        <translation>Маркетинговые планы (*.mktplan)</translation>
    </message>
    <message>
        <source>This plan has no backups yet.</source>
        <translation>У этого плана пока нет резервных копий.</translation>
    </message>
    <message>
        <source>A backup is made each time the plan is opened (at most one every ten minutes).</source>
        <translation>Резервная копия делается при каждом открытии плана (не чаще раза в десять минут).</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
        <source>Choose the state to go back to. The current file is kept beside the plan, renamed, so nothing is lost.</source>
        <translation>Выберите состояние, к которому вернуться. Текущий файл сохранится рядом с планом под другим именем, так что ничего не потеряется.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>Marketing planning for small businesses: SWOT, goals, tactics, weekly plans, budget control and results.

Licence: MIT
Plan file format version: {schema}</source>
        <translation>Маркетинговое планирование для малого бизнеса: SWOT, цели, тактика, недельные планы, контроль бюджета и результаты.

Лицензия: MIT
Версия формата файла плана: {schema}</translation>
    </message>
</context>
<context>
    <name>fmt</name>
    <message>
        <source>Week {week} · {range}</source>
        <translation>Неделя {week} · {range}</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <source>Print the meeting pack</source>
        <translation>Печать пакета к встрече</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Progress {progress}</source>
        <translation>Прогресс {progress}</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Исходное</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Expected path</source>
        <translation>Ожидаемый путь</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>No measurements yet</source>
        <translation>Замеров пока нет</translation>
    </message>
    <message>
        <source>Actions on the calendar</source>
        <translation>Мероприятия на календаре</translation>
    </message>
    <message>
        <source>Actions on the calendar ({page} of {pages})</source>
        <translation>Мероприятия на календаре ({page} из {pages})</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>no dates yet</source>
        <translation>сроки не заданы</translation>
    </message>
    <message>
        <source>No actions in this period</source>
        <translation>В этом периоде мероприятий нет</translation>
    </message>
    <message>
        <source>Team hours planned against capacity</source>
        <translation>Запланированные часы команды и ёмкость</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Запланировано</translation>
    </message>
    <message>
        <source>Over capacity</source>
        <translation>Сверх ёмкости</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Ёмкость</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часы</translation>
    </message>
    <message>
        <source>W{week}</source>
        <translation>Н{week}</translation>
    </message>
    <message>
        <source>No weekly plans yet</source>
        <translation>Недельных планов пока нет</translation>
    </message>
    <message>
        <source>Budget by month: plan and actual</source>
        <translation>Бюджет по месяцам: план и факт</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Over plan</source>
        <translation>Сверх плана</translation>
    </message>
    <message>
        <source>Plan, cumulative</source>
        <translation>План нарастающим итогом</translation>
    </message>
    <message>
        <source>Actual, cumulative</source>
        <translation>Факт нарастающим итогом</translation>
    </message>
    <message>
        <source>Fixed budget</source>
        <translation>Фиксированный бюджет</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>За месяц</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>Нарастающим итогом</translation>
    </message>
    <message>
        <source>No budget lines in this period</source>
        <translation>В этом периоде нет строк бюджета</translation>
    </message>
    <message>
        <source>Spend by channel</source>
        <translation>Расходы по каналам</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Расход</translation>
    </message>
    <message>
        <source>No spend recorded</source>
        <translation>Расходов не записано</translation>
    </message>
    <message>
        <source>Cost per lead and return on marketing spend</source>
        <translation>Цена заявки и окупаемость маркетинга</translation>
    </message>
    <message>
        <source>Cost per lead</source>
        <translation>Цена заявки</translation>
    </message>
    <message>
        <source>ROMI</source>
        <translation>ROMI</translation>
    </message>
    <message>
        <source>No channel results recorded</source>
        <translation>Результаты каналов не записаны</translation>
    </message>
    <message>
        <source>Marketing plan</source>
        <translation>Маркетинговый план</translation>
    </message>
    <message>
        <source>Prepared for {client}</source>
        <translation>Подготовлено для: {client}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Стр. {page} из {pages}</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Обложка</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Strategy on a page</source>
        <translation>Стратегия на одной странице</translation>
    </message>
    <message>
        <source>SWOT analysis</source>
        <translation>SWOT-анализ</translation>
    </message>
    <message>
        <source>Strategic goals</source>
        <translation>Стратегические цели</translation>
    </message>
    <message>
        <source>Tactical plan</source>
        <translation>Тактический план</translation>
    </message>
    <message>
        <source>Weekly plans</source>
        <translation>Недельные планы</translation>
    </message>
    <message>
        <source>Budget and control</source>
        <translation>Бюджет и контроль</translation>
    </message>
    <message>
        <source>Results by channel</source>
        <translation>Результаты по каналам</translation>
    </message>
    <message>
        <source>Hypotheses</source>
        <translation>Гипотезы</translation>
    </message>
    <message>
        <source>Plan check</source>
        <translation>Проверка плана</translation>
    </message>
    <message>
        <source>Mission, key figures, goals and what needs attention</source>
        <translation>Миссия, ключевые цифры, цели и то, что требует внимания</translation>
    </message>
    <message>
        <source>Strengths, weaknesses, opportunities, threats and options</source>
        <translation>Сильные и слабые стороны, возможности, угрозы и стратегические варианты</translation>
    </message>
    <message>
        <source>Measurable goals, their progress and SMART check</source>
        <translation>Измеримые цели, их прогресс и проверка SMART</translation>
    </message>
    <message>
        <source>Actions month by month: who, when, for how much</source>
        <translation>Мероприятия по месяцам: кто, когда, за сколько</translation>
    </message>
    <message>
        <source>Each person&apos;s tasks, end products and hours</source>
        <translation>Задачи каждого сотрудника, конечные продукты и часы</translation>
    </message>
    <message>
        <source>Plan against actual, by month and channel; control points</source>
        <translation>План и факт по месяцам и каналам; точки контроля</translation>
    </message>
    <message>
        <source>Spend, leads, customers, revenue and KPIs per channel</source>
        <translation>Расходы, заявки, клиенты, выручка и KPI по каналам</translation>
    </message>
    <message>
        <source>Tests of channels: budget, threshold, decision</source>
        <translation>Проверки каналов: бюджет, порог, решение</translation>
    </message>
    <message>
        <source>What the plan still lacks, and the next steps</source>
        <translation>Чего плану ещё не хватает и что делать дальше</translation>
    </message>
    <message>
        <source>Marketing plan · Meeting pack</source>
        <translation>Маркетинговый план · Материалы к встрече</translation>
    </message>
    <message>
        <source>Prepared for</source>
        <translation>Подготовлено для</translation>
    </message>
    <message>
        <source>Planning period</source>
        <translation>Период планирования</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Миссия</translation>
    </message>
    <message>
        <source>Made with mktplanner</source>
        <translation>Подготовлено в mktplanner</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>measurable targets</source>
        <translation>измеримых целей</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Мероприятия</translation>
    </message>
    <message>
        <source>in the tactical plan</source>
        <translation>в тактическом плане</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <source>planned for the period</source>
        <translation>запланировано на период</translation>
    </message>
    <message>
        <source>of the checks passed</source>
        <translation>проверок пройдено</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Ценности</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Было → цель</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Прогресс</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Динамика</translation>
    </message>
    <message>
        <source>No goals are set in this plan yet.</source>
        <translation>В плане пока нет целей.</translation>
    </message>
    <message>
        <source>Strategic options</source>
        <translation>Стратегические варианты</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Вариант</translation>
    </message>
    <message>
        <source>Became goal</source>
        <translation>Стал целью</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Требует внимания</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Замечание</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>The plan check found nothing to fix.</source>
        <translation>Проверка плана не нашла, что исправлять.</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>Отчётность</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Как часто</translation>
    </message>
    <message>
        <source>Who makes the reports</source>
        <translation>Кто готовит отчёты</translation>
    </message>
    <message>
        <source>Who reads them</source>
        <translation>Кто их читает</translation>
    </message>
    <message>
        <source>Who acts on them</source>
        <translation>Кто по ним меняет работу</translation>
    </message>
    <message>
        <source>none set yet</source>
        <translation>пока не заданы</translation>
    </message>
    <message>
        <source>Goals on track</source>
        <translation>Цели по плану</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} из {total}</translation>
    </message>
    <message>
        <source>{n} off track</source>
        <translation>отстают: {n}</translation>
    </message>
    <message>
        <source>none off track</source>
        <translation>отстающих нет</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Потрачено</translation>
    </message>
    <message>
        <source>of {amount} planned</source>
        <translation>из {amount} по плану</translation>
    </message>
    <message>
        <source>Within spending limits</source>
        <translation>В пределах лимитов</translation>
    </message>
    <message>
        <source>no control point over its limit</source>
        <translation>лимиты не превышены</translation>
    </message>
    <message>
        <source>Control points</source>
        <translation>Точки контроля</translation>
    </message>
    <message>
        <source>Results recorded: {first} – {last}</source>
        <translation>Результаты: {first} – {last}</translation>
    </message>
    <message>
        <source>{n} over the limit</source>
        <translation>сверх лимита: {n}</translation>
    </message>
    <message>
        <source>problems: {errors} · warnings: {warnings}</source>
        <translation>проблем: {errors} · предупреждений: {warnings}</translation>
    </message>
    <message>
        <source>Where we stand: inside the business and around it</source>
        <translation>Где мы находимся: внутри бизнеса и вокруг него</translation>
    </message>
    <message>
        <source>No SWOT items are recorded in this plan yet.</source>
        <translation>В плане пока нет пунктов SWOT-анализа.</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Сильные стороны</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>Слабые стороны</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Возможности</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>Угрозы</translation>
    </message>
    <message>
        <source>Inside the business</source>
        <translation>Внутри бизнеса</translation>
    </message>
    <message>
        <source>Around the business</source>
        <translation>Вокруг бизнеса</translation>
    </message>
    <message>
        <source>Strategic options (TOWS)</source>
        <translation>Стратегические варианты (TOWS)</translation>
    </message>
    <message>
        <source>Internal factor</source>
        <translation>Внутренний фактор</translation>
    </message>
    <message>
        <source>External factor</source>
        <translation>Внешний фактор</translation>
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation>Ничего не записано.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>As of {date}</source>
        <translation>На {date}</translation>
    </message>
    <message>
        <source>expected {share}</source>
        <translation>ожидалось {share}</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Последний замер</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>SMART: specific, measurable, achievable, relevant, time-bound; a dash marks a letter the goal does not meet yet.</source>
        <translation>SMART: конкретная, измеримая, достижимая, значимая, ограниченная во времени; прочерк — буква, которой цель пока не отвечает.</translation>
    </message>
    <message>
        <source>Progress of each goal</source>
        <translation>Прогресс каждой цели</translation>
    </message>
    <message>
        <source>{n} actions serve this goal, with a budget of {amount}.</source>
        <translation>Мероприятий на эту цель: {n}, бюджет {amount}.</translation>
    </message>
    <message>
        <source>No action serves this goal yet.</source>
        <translation>На эту цель пока нет мероприятий.</translation>
    </message>
    <message>
        <source>No actions are planned in this period.</source>
        <translation>В этом периоде мероприятия не запланированы.</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>не назначен</translation>
    </message>
    <message>
        <source>late</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation>По месяцам</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Actions running</source>
        <translation>Идёт мероприятий</translation>
    </message>
    <message>
        <source>Actions&apos; budget</source>
        <translation>Бюджет мероприятий</translation>
    </message>
    <message>
        <source>Running actions</source>
        <translation>Идущие мероприятия</translation>
    </message>
    <message>
        <source>Nobody has a plan for week {week} yet.</source>
        <translation>На неделю {week} планов пока нет.</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>Состояние: {state}</translation>
    </message>
    <message>
        <source>planned {planned} of {capacity} capacity ({load})</source>
        <translation>запланировано {planned} при ёмкости {capacity} ({load})</translation>
    </message>
    <message>
        <source>tasks done: {done} of {total}</source>
        <translation>задач выполнено: {done} из {total}</translation>
    </message>
    <message>
        <source>Over capacity: planned hours exceed the time that can be planned.</source>
        <translation>Перегрузка: запланировано больше часов, чем можно планировать.</translation>
    </message>
    <message>
        <source>Target metric of the week</source>
        <translation>Целевой показатель недели</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>не измерялся</translation>
    </message>
    <message>
        <source>regular</source>
        <translation>регулярная</translation>
    </message>
    <message>
        <source>carried over</source>
        <translation>перенесена</translation>
    </message>
    <message>
        <source>unplanned</source>
        <translation>внеплановая</translation>
    </message>
    <message>
        <source>not described</source>
        <translation>не описан</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>End product</source>
        <translation>Конечный продукт</translation>
    </message>
    <message>
        <source>Action → goal</source>
        <translation>Мероприятие → цель</translation>
    </message>
    <message>
        <source>Est. h</source>
        <translation>План, ч</translation>
    </message>
    <message>
        <source>Actual h</source>
        <translation>Факт, ч</translation>
    </message>
    <message>
        <source>fixed sum, {basis}</source>
        <translation>фиксированная сумма, {basis}</translation>
    </message>
    <message>
        <source>the sum of the actions&apos; needs</source>
        <translation>сумма потребностей мероприятий</translation>
    </message>
    <message>
        <source>short: the actions need more</source>
        <translation>не хватает: мероприятиям нужно больше</translation>
    </message>
    <message>
        <source>not yet allocated</source>
        <translation>ещё не распределено</translation>
    </message>
    <message>
        <source>the plan fits exactly</source>
        <translation>план сходится точно</translation>
    </message>
    <message>
        <source>no fixed sum to compare</source>
        <translation>нет фиксированной суммы для сравнения</translation>
    </message>
    <message>
        <source>budget lines in the period</source>
        <translation>строки бюджета за период</translation>
    </message>
    <message>
        <source>{amount} against the plan to date ({plan})</source>
        <translation>{amount} к плану на сегодня ({plan})</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Разрыв</translation>
    </message>
    <message>
        <source>No budget is set yet: no fixed sum and no budget lines.</source>
        <translation>Бюджет ещё не задан: нет ни фиксированной суммы, ни строк бюджета.</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>По месяцам</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Отклонение</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Against the fixed sum</source>
        <translation>К фиксированной сумме</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>По каналам</translation>
    </message>
    <message>
        <source>By channel, whole tactical period</source>
        <translation>По каналам, весь тактический период</translation>
    </message>
    <message>
        <source>No channel</source>
        <translation>Без канала</translation>
    </message>
    <message>
        <source>What is controlled</source>
        <translation>Что контролируется</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Контролёр</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Лимит</translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>Следующая проверка</translation>
    </message>
    <message>
        <source>Spend is counted in the current period of each point&apos;s cadence.</source>
        <translation>Расход считается за текущий период каждой точки контроля.</translation>
    </message>
    <message>
        <source>No control points are set: nobody watches the spending yet.</source>
        <translation>Точки контроля не заданы: за расходами пока никто не следит.</translation>
    </message>
    <message>
        <source>Unplanned spend</source>
        <translation>Незапланированные расходы</translation>
    </message>
    <message>
        <source>Money spent in a month with no budget line for its channel or action.</source>
        <translation>Деньги, потраченные в месяце, где для их канала или мероприятия нет строки бюджета.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>short by {amount}</source>
        <translation>не хватает {amount}</translation>
    </message>
    <message>
        <source>{amount} unallocated</source>
        <translation>не распределено {amount}</translation>
    </message>
    <message>
        <source>fits exactly</source>
        <translation>сходится точно</translation>
    </message>
    <message>
        <source>No channel results are recorded for this period yet.</source>
        <translation>За этот период результаты каналов пока не записаны.</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <source>From spend to revenue</source>
        <translation>От расходов к выручке</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>Показы</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Клики</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>Эффективность</translation>
    </message>
    <message>
        <source>Cost per click</source>
        <translation>Цена клика</translation>
    </message>
    <message>
        <source>Lead to customer</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Cost per customer</source>
        <translation>Цена клиента</translation>
    </message>
    <message>
        <source>Share of spend</source>
        <translation>Доля расходов</translation>
    </message>
    <message>
        <source>CTR = clicks / impressions; ROMI = (revenue − spend) / spend; a dash means the figure cannot be computed (nothing to divide by).</source>
        <translation>CTR = клики / показы; ROMI = (выручка − расход) / расход; прочерк — показатель нельзя посчитать (делить не на что).</translation>
    </message>
    <message>
        <source>Where the money works better</source>
        <translation>Где деньги работают лучше</translation>
    </message>
    <message>
        <source>Leads from {cheap} cost {ratio} times less than from {expensive} ({cheap_cpl} against {expensive_cpl}): consider moving budget towards {cheap}.</source>
        <translation>Заявки из канала «{cheap}» в {ratio} раза дешевле, чем из канала «{expensive}» ({cheap_cpl} против {expensive_cpl}): стоит перенести часть бюджета в «{cheap}».</translation>
    </message>
    <message>
        <source>Small tests of channels: scale or stop</source>
        <translation>Небольшие проверки каналов: масштабировать или остановить</translation>
    </message>
    <message>
        <source>No hypotheses are being tested in this plan.</source>
        <translation>В этом плане гипотезы не проверяются.</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>решение принято</translation>
    </message>
    <message>
        <source>running</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>не начата</translation>
    </message>
    <message>
        <source>awaiting a decision</source>
        <translation>ждёт решения</translation>
    </message>
    <message>
        <source>of {amount}</source>
        <translation>из {amount}</translation>
    </message>
    <message>
        <source>threshold {value}</source>
        <translation>порог {value}</translation>
    </message>
    <message>
        <source>Hypothesis</source>
        <translation>Гипотеза</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Success metric</source>
        <translation>Метрика успеха</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>What we learned</source>
        <translation>Что мы узнали</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>{passed} of {total} checks passed</source>
        <translation>пройдено {passed} из {total} проверок</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>to fix first</source>
        <translation>исправить в первую очередь</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Предупреждения</translation>
    </message>
    <message>
        <source>worth a look</source>
        <translation>стоит посмотреть</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Советы</translation>
    </message>
    <message>
        <source>ideas</source>
        <translation>идеи</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>Dismissed on purpose</source>
        <translation>Отклонено сознательно</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Owner: {name}</source>
        <translation>Ответственный: {name}</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>По плану</translation>
    </message>
    <message>
        <source>Off track</source>
        <translation>Отстаёт</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Достигнута</translation>
    </message>
    <message>
        <source>Track unknown</source>
        <translation>Оценить нельзя</translation>
    </message>
    <message>
        <source>… and {n} more in the following sections.</source>
        <translation>… и ещё {n} в следующих разделах.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} ч</translation>
    </message>
    <message>
        <source>Week {week} ({first} – {last})</source>
        <translation>Неделя {week} ({first} – {last})</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>SWOT &amp; strategy</source>
        <translation>SWOT и стратегия</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>Tactical plan</source>
        <translation>Тактический план</translation>
    </message>
    <message>
        <source>Weekly plans</source>
        <translation>Недельные планы</translation>
    </message>
    <message>
        <source>Budget &amp; control</source>
        <translation>Бюджет и контроль</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <source>Hypotheses</source>
        <translation>Гипотезы</translation>
    </message>
    <message>
        <source>Plan check</source>
        <translation>Проверка плана</translation>
    </message>
    <message>
        <source>plan profile</source>
        <translation>профиль плана</translation>
    </message>
    <message>
        <source>person</source>
        <translation>сотрудника</translation>
    </message>
    <message>
        <source>SWOT item</source>
        <translation>пункт SWOT</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>цель</translation>
    </message>
    <message>
        <source>goal link</source>
        <translation>связь цели</translation>
    </message>
    <message>
        <source>strategic option</source>
        <translation>стратегический вариант</translation>
    </message>
    <message>
        <source>measurement</source>
        <translation>измерение</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>направление</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>канал</translation>
    </message>
    <message>
        <source>hypothesis</source>
        <translation>гипотезу</translation>
    </message>
    <message>
        <source>action</source>
        <translation>действие</translation>
    </message>
    <message>
        <source>weekly plan</source>
        <translation>недельный план</translation>
    </message>
    <message>
        <source>weekly metric</source>
        <translation>метрику недели</translation>
    </message>
    <message>
        <source>weekly task</source>
        <translation>задачу недели</translation>
    </message>
    <message>
        <source>budget settings</source>
        <translation>настройки бюджета</translation>
    </message>
    <message>
        <source>budget line</source>
        <translation>строку бюджета</translation>
    </message>
    <message>
        <source>expense</source>
        <translation>расход</translation>
    </message>
    <message>
        <source>control point</source>
        <translation>точку контроля</translation>
    </message>
    <message>
        <source>control check</source>
        <translation>проверку контроля</translation>
    </message>
    <message>
        <source>channel results</source>
        <translation>результаты канала</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>настройку</translation>
    </message>
    <message>
        <source>dismissed finding</source>
        <translation>отклонённое замечание</translation>
    </message>
    <message>
        <source>check score</source>
        <translation>оценку проверки</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>Квадрант</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Метрика</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Исходное</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Целевое</translation>
    </message>
    <message>
        <source>Baseline date</source>
        <translation>Дата исходного</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Hypothesis</source>
        <translation>Гипотеза</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Контролёр</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Лимит</translation>
    </message>
    <message>
        <source>Test budget</source>
        <translation>Бюджет теста</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Расход</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Запланировано</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Expected result</source>
        <translation>Ожидаемый результат</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Hours a week</source>
        <translation>Часов в неделю</translation>
    </message>
    <message>
        <source>Unplannable share</source>
        <translation>Незапланируемая доля</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>End product</source>
        <translation>Конечный продукт</translation>
    </message>
    <message>
        <source>Estimated hours</source>
        <translation>Оценка часов</translation>
    </message>
    <message>
        <source>Actual hours</source>
        <translation>Фактические часы</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Порог</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>What we learned</source>
        <translation>Что мы узнали</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Периодичность</translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>Следующая проверка</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Вердикт</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>Показы</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Клики</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Миссия</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Ценности</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>Internal factor</source>
        <translation>Внутренний фактор</translation>
    </message>
    <message>
        <source>External factor</source>
        <translation>Внешний фактор</translation>
    </message>
    <message>
        <source>Tactical period starts</source>
        <translation>Начало тактического периода</translation>
    </message>
    <message>
        <source>Tactical period, months</source>
        <translation>Тактический период, месяцев</translation>
    </message>
    <message>
        <source>Plannable share of time</source>
        <translation>Планируемая доля времени</translation>
    </message>
    <message>
        <source>Ambition warning threshold</source>
        <translation>Порог предупреждения об амбициозности</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Основа</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Сильная сторона</translation>
    </message>
    <message>
        <source>Weakness</source>
        <translation>Слабая сторона</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Возможность</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>Угроза</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Investors</source>
        <translation>Инвесторы</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Руководство</translation>
    </message>
    <message>
        <source>Own analysis</source>
        <translation>Собственный анализ</translation>
    </message>
    <message>
        <source>SO: use</source>
        <translation>SO: использовать</translation>
    </message>
    <message>
        <source>ST: defend</source>
        <translation>ST: защищаться</translation>
    </message>
    <message>
        <source>WO: improve</source>
        <translation>WO: улучшать</translation>
    </message>
    <message>
        <source>WT: avoid</source>
        <translation>WT: избегать</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Однократно</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Каждую неделю</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Каждый месяц</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Утверждён</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
    <message>
        <source>Fixed sum (bottom-up)</source>
        <translation>Фиксированная сумма (снизу)</translation>
    </message>
    <message>
        <source>Sum of the actions (top-down)</source>
        <translation>Сумма действий (сверху)</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>в месяц</translation>
    </message>
    <message>
        <source>for the whole period</source>
        <translation>на весь период</translation>
    </message>
    <message>
        <source>Whole budget</source>
        <translation>Весь бюджет</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Ежедневно</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Еженедельно</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Ежемесячно</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>По плану</translation>
    </message>
    <message>
        <source>Close to the limit</source>
        <translation>Близко к лимиту</translation>
    </message>
    <message>
        <source>Overspent</source>
        <translation>Перерасход</translation>
    </message>
    <message>
        <source>Check overdue</source>
        <translation>Проверка просрочена</translation>
    </message>
    <message>
        <source>Unplanned spend</source>
        <translation>Незапланированный расход</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Масштабировать</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Деньги</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Не задано</translation>
    </message>
    <message>
        <source>add SWOT item</source>
        <translation>добавить пункт SWOT</translation>
    </message>
    <message>
        <source>edit SWOT item</source>
        <translation>изменить пункт SWOT</translation>
    </message>
    <message>
        <source>delete SWOT item</source>
        <translation>удалить пункт SWOT</translation>
    </message>
    <message>
        <source>add goal</source>
        <translation>добавить цель</translation>
    </message>
    <message>
        <source>edit goal</source>
        <translation>изменить цель</translation>
    </message>
    <message>
        <source>delete goal</source>
        <translation>удалить цель</translation>
    </message>
    <message>
        <source>add action</source>
        <translation>добавить действие</translation>
    </message>
    <message>
        <source>edit action</source>
        <translation>изменить действие</translation>
    </message>
    <message>
        <source>delete action</source>
        <translation>удалить действие</translation>
    </message>
    <message>
        <source>edit plan profile</source>
        <translation>изменить профиль плана</translation>
    </message>
    <message>
        <source>make a goal from a strategic option</source>
        <translation>сделать цель из стратегического варианта</translation>
    </message>
    <message>
        <source>move SWOT item</source>
        <translation>переместить пункт SWOT</translation>
    </message>
    <message>
        <source>add strategic option</source>
        <translation>добавить стратегический вариант</translation>
    </message>
    <message>
        <source>edit strategic option</source>
        <translation>изменить стратегический вариант</translation>
    </message>
    <message>
        <source>change the goal&apos;s SWOT links</source>
        <translation>изменить связи цели со SWOT</translation>
    </message>
    <message>
        <source>move action</source>
        <translation>перенос действия</translation>
    </message>
    <message>
        <source>edit reporting rules</source>
        <translation>изменение правил отчётности</translation>
    </message>
    <message>
        <source>change the tactical period</source>
        <translation>изменение тактического периода</translation>
    </message>
    <message>
        <source>submit the week</source>
        <translation>отправить неделю на утверждение</translation>
    </message>
    <message>
        <source>approve the week</source>
        <translation>утвердить неделю</translation>
    </message>
    <message>
        <source>return the week to draft</source>
        <translation>вернуть неделю в черновик</translation>
    </message>
    <message>
        <source>close the week</source>
        <translation>закрыть неделю</translation>
    </message>
    <message>
        <source>reopen the week</source>
        <translation>открыть неделю снова</translation>
    </message>
    <message>
        <source>prepare next week</source>
        <translation>подготовить следующую неделю</translation>
    </message>
    <message>
        <source>suggest targets</source>
        <translation>предложить цели</translation>
    </message>
    <message>
        <source>edit the budget</source>
        <translation>изменить бюджет</translation>
    </message>
    <message>
        <source>paste into the budget</source>
        <translation>вставить в бюджет</translation>
    </message>
    <message>
        <source>change the budget settings</source>
        <translation>изменить настройки бюджета</translation>
    </message>
    <message>
        <source>change the rollover of the budget</source>
        <translation>изменить перенос остатков бюджета</translation>
    </message>
    <message>
        <source>mark an expense as a refund</source>
        <translation>отметить расход как возврат</translation>
    </message>
    <message>
        <source>unmark a refund</source>
        <translation>снять отметку возврата</translation>
    </message>
    <message>
        <source>record a control check</source>
        <translation>записать проверку</translation>
    </message>
    <message>
        <source>import expenses</source>
        <translation>импортировать расходы</translation>
    </message>
    <message>
        <source>import channel results</source>
        <translation>импортировать результаты каналов</translation>
    </message>
    <message>
        <source>remember the CSV columns</source>
        <translation>запомнить столбцы CSV</translation>
    </message>
    <message>
        <source>dismiss a finding</source>
        <translation>отклонить замечание</translation>
    </message>
    <message>
        <source>restore a dismissed finding</source>
        <translation>вернуть отклонённое замечание</translation>
    </message>
    <message>
        <source>add {thing}</source>
        <translation>добавить {thing}</translation>
    </message>
    <message>
        <source>edit {thing}</source>
        <translation>изменить {thing}</translation>
    </message>
    <message>
        <source>delete {thing}</source>
        <translation>удалить {thing}</translation>
    </message>
    <message>
        <source>change</source>
        <translation>изменение</translation>
    </message>
    <message>
        <source>{field}: please fill this in.</source>
        <translation>{field}: заполните, пожалуйста.</translation>
    </message>
    <message>
        <source>{field}: at most {max} characters, please.</source>
        <translation>{field}: не более {max} символов, пожалуйста.</translation>
    </message>
    <message>
        <source>{field}: this is not the right kind of value.</source>
        <translation>{field}: это значение неподходящего вида.</translation>
    </message>
    <message>
        <source>{field}: this text holds characters that cannot be saved (part of a broken paste?); please type it again.</source>
        <translation>{field}: в тексте есть символы, которые нельзя сохранить (часть испорченной вставки?); пожалуйста, наберите его заново.</translation>
    </message>
    <message>
        <source>{field}: “{value}” is not a number.</source>
        <translation>{field}: «{value}» — не число.</translation>
    </message>
    <message>
        <source>{field}: an amount cannot be negative.</source>
        <translation>{field}: сумма не может быть отрицательной.</translation>
    </message>
    <message>
        <source>{field}: a refund is entered as a negative amount.</source>
        <translation>{field}: возврат вводится отрицательной суммой.</translation>
    </message>
    <message>
        <source>{field}: a negative amount is only for a refund. Tick “Refund” to record money coming back.</source>
        <translation>{field}: отрицательная сумма допустима только для возврата. Отметьте «Возврат», чтобы записать вернувшиеся деньги.</translation>
    </message>
    <message>
        <source>{field}: must be between {min} and {max}.</source>
        <translation>{field}: должно быть от {min} до {max}.</translation>
    </message>
    <message>
        <source>{field}: must be at least {min}.</source>
        <translation>{field}: должно быть не меньше {min}.</translation>
    </message>
    <message>
        <source>{field}: a whole number, please.</source>
        <translation>{field}: нужно целое число.</translation>
    </message>
    <message>
        <source>{field}: “{value}” is not one of the choices.</source>
        <translation>{field}: «{value}» нет среди вариантов.</translation>
    </message>
    <message>
        <source>{field}: “{value}” is not a known currency code (e.g. RUB, USD, EUR).</source>
        <translation>{field}: «{value}» — неизвестный код валюты (например, RUB, USD, EUR).</translation>
    </message>
    <message>
        <source>{field}: a colour is written as #RRGGBB, e.g. #4C78A8.</source>
        <translation>{field}: цвет записывается как #RRGGBB, например #4C78A8.</translation>
    </message>
    <message>
        <source>{field}: cannot be before {start_field}.</source>
        <translation>{field}: не может быть раньше, чем {start_field}.</translation>
    </message>
    <message>
        <source>{field}: use the first day of the month.</source>
        <translation>{field}: укажите первое число месяца.</translation>
    </message>
    <message>
        <source>{field}: the target must differ from the baseline.</source>
        <translation>{field}: целевое значение должно отличаться от исходного.</translation>
    </message>
    <message>
        <source>Choose a channel or an action for this line.</source>
        <translation>Выберите для этой строки канал или действие.</translation>
    </message>
    <message>
        <source>Choose either a channel or an action, not both.</source>
        <translation>Выберите либо канал, либо действие, но не оба.</translation>
    </message>
    <message>
        <source>What is controlled does not match the choice of channel or action.</source>
        <translation>Что контролируется, не совпадает с выбором канала или действия.</translation>
    </message>
    <message>
        <source>{field}: a row cannot refer to itself.</source>
        <translation>{field}: строка не может ссылаться на саму себя.</translation>
    </message>
    <message>
        <source>Choose two different SWOT items.</source>
        <translation>Выберите два разных пункта SWOT.</translation>
    </message>
    <message>
        <source>{field}: choose a strength or a weakness.</source>
        <translation>{field}: выберите сильную или слабую сторону.</translation>
    </message>
    <message>
        <source>{field}: choose an opportunity or a threat.</source>
        <translation>{field}: выберите возможность или угрозу.</translation>
    </message>
    <message>
        <source>{field}: this field does not exist.</source>
        <translation>{field}: такого поля нет.</translation>
    </message>
    <message>
        <source>This {thing} no longer exists: it may have been deleted meanwhile.</source>
        <translation>Это — {thing} — больше не существует: возможно, его удалили.</translation>
    </message>
    <message>
        <source>A linked row no longer exists: refresh and choose again.</source>
        <translation>Связанная строка больше не существует: обновите и выберите заново.</translation>
    </message>
    <message>
        <source>Such an entry already exists.</source>
        <translation>Такая запись уже есть.</translation>
    </message>
    <message>
        <source>The plan does not accept this change.</source>
        <translation>План не принимает это изменение.</translation>
    </message>
    <message>
        <source>{field}: at most {digits} digits after the decimal point.</source>
        <translation>{field}: не более {digits} знаков после запятой.</translation>
    </message>
    <message>
        <source>{field}: “{value}” is not a date (e.g. 2026-03-31).</source>
        <translation>{field}: «{value}» — не дата (например, 31.03.2026).</translation>
    </message>
    <message>
        <source>This option has already become a goal.</source>
        <translation>Этот вариант уже стал целью.</translation>
    </message>
    <message>
        <source>This week is closed and can no longer be changed. Reopen the week to correct it.</source>
        <translation>Эта неделя закрыта и больше не меняется. Чтобы исправить, откройте её снова.</translation>
    </message>
    <message>
        <source>Actual hours, done tasks and actual results are entered once the plan is approved, not in a draft.</source>
        <translation>Фактические часы, выполненные задачи и фактические результаты вносятся после утверждения плана, а не в черновике.</translation>
    </message>
    <message>
        <source>{field}: {value} h is more than the person&apos;s {max} hours a week.</source>
        <translation>{field}: {value} ч — больше, чем {max} ч в неделю у сотрудника.</translation>
    </message>
    <message>
        <source>The week cannot take this step in its current state.</source>
        <translation>В текущем состоянии неделя не может сделать этот шаг.</translation>
    </message>
    <message>
        <source>Closing needs the actuals: {tasks} task(s) without actual hours, {metrics} metric(s) without an actual value or “not measured”.</source>
        <translation>Для закрытия нужен факт: задач без фактических часов — {tasks}, показателей без факта или отметки «не измерялся» — {metrics}.</translation>
    </message>
    <message>
        <source>Next week&apos;s plan is no longer a draft, so nothing was added to it.</source>
        <translation>План следующей недели уже не черновик, поэтому в него ничего не добавлено.</translation>
    </message>
    <message>
        <source>{field}: this value is not accepted ({code}).</source>
        <translation>{field}: это значение не принимается ({code}).</translation>
    </message>
    <message>
        <source>The change was not accepted.</source>
        <translation>Изменение не принято.</translation>
    </message>
    <message>
        <source>Specific</source>
        <translation>Конкретная</translation>
    </message>
    <message>
        <source>Measurable</source>
        <translation>Измеримая</translation>
    </message>
    <message>
        <source>Achievable</source>
        <translation>Достижимая</translation>
    </message>
    <message>
        <source>Relevant</source>
        <translation>Значимая</translation>
    </message>
    <message>
        <source>Time-bound</source>
        <translation>Ограниченная по времени</translation>
    </message>
    <message>
        <source>A clear title and a metric.</source>
        <translation>Понятное название и показатель.</translation>
    </message>
    <message>
        <source>The baseline and the target are set.</source>
        <translation>Заданы исходное и целевое значения.</translation>
    </message>
    <message>
        <source>The change from the baseline is plausible.</source>
        <translation>Изменение от исходного значения правдоподобно.</translation>
    </message>
    <message>
        <source>It answers the SWOT analysis or the mission.</source>
        <translation>Она отвечает на SWOT-анализ или миссию.</translation>
    </message>
    <message>
        <source>It has a deadline.</source>
        <translation>У неё есть срок.</translation>
    </message>
    <message>
        <source>The goal has no title.</source>
        <translation>У цели нет названия.</translation>
    </message>
    <message>
        <source>Set the baseline: where the metric stands now.</source>
        <translation>Задайте исходное значение: где показатель сейчас.</translation>
    </message>
    <message>
        <source>Set the target: where the metric should get to.</source>
        <translation>Задайте целевое значение: куда показатель должен прийти.</translation>
    </message>
    <message>
        <source>The target equals the baseline: nothing would change.</source>
        <translation>Целевое значение равно исходному: ничего не изменится.</translation>
    </message>
    <message>
        <source>Needs a baseline and a target to be judged.</source>
        <translation>Для оценки нужны исходное и целевое значения.</translation>
    </message>
    <message>
        <source>A jump of ×{ratio} from the baseline; the plan warns above ×{threshold}.</source>
        <translation>Скачок в {ratio} раза от исходного значения; план предупреждает, если больше чем в {threshold} раза.</translation>
    </message>
    <message>
        <source>Link it to a SWOT item, or write the mission.</source>
        <translation>Свяжите её с пунктом SWOT или напишите миссию.</translation>
    </message>
    <message>
        <source>The deadline ({deadline}) is before the baseline date ({baseline_date}).</source>
        <translation>Срок ({deadline}) раньше даты исходного значения ({baseline_date}).</translation>
    </message>
    <message>
        <source>The file was not found.</source>
        <translation>Файл не найден.</translation>
    </message>
    <message>
        <source>It may have been moved or renamed. Choose it again with Open plan….</source>
        <translation>Возможно, его переместили или переименовали. Выберите его снова через «Открыть план…».</translation>
    </message>
    <message>
        <source>This is a folder, not a plan file.</source>
        <translation>Это папка, а не файл плана.</translation>
    </message>
    <message>
        <source>Choose a file ending in .mktplan.</source>
        <translation>Выберите файл с расширением .mktplan.</translation>
    </message>
    <message>
        <source>This file is not a marketing plan.</source>
        <translation>Этот файл — не маркетинговый план.</translation>
    </message>
    <message>
        <source>Choose a file ending in .mktplan made by this application.</source>
        <translation>Выберите файл .mktplan, созданный этим приложением.</translation>
    </message>
    <message>
        <source>This database was not made by this application.</source>
        <translation>Эта база данных создана не этим приложением.</translation>
    </message>
    <message>
        <source>It was left untouched. Choose a .mktplan file made by this application.</source>
        <translation>Файл не изменён. Выберите файл .mktplan, созданный этим приложением.</translation>
    </message>
    <message>
        <source>This plan was saved by a newer version of the application.</source>
        <translation>Этот план сохранён более новой версией приложения.</translation>
    </message>
    <message>
        <source>Its file format is version {version}; this version reads up to {supported}. Install the newer version to open it. The file was left untouched.</source>
        <translation>Версия формата файла — {version}; эта версия читает до {supported}. Установите более новую версию, чтобы открыть его. Файл не изменён.</translation>
    </message>
    <message>
        <source>This plan file is damaged.</source>
        <translation>Файл плана повреждён.</translation>
    </message>
    <message>
        <source>The file was left untouched. You can restore the plan from one of its backups: File ▸ Restore from backup….</source>
        <translation>Файл не изменён. План можно восстановить из одной из его резервных копий: Файл ▸ Восстановить из резервной копии….</translation>
    </message>
    <message>
        <source>A file with this name already exists.</source>
        <translation>Файл с таким именем уже существует.</translation>
    </message>
    <message>
        <source>Choose another name or another folder.</source>
        <translation>Выберите другое имя или другую папку.</translation>
    </message>
    <message>
        <source>This file or its folder cannot be written.</source>
        <translation>В этот файл или его папку нельзя записывать.</translation>
    </message>
    <message>
        <source>Save a copy of the plan into a folder you can write to (File ▸ Save a copy as…), or ask for write permission.</source>
        <translation>Сохраните копию плана в папку, доступную для записи (Файл ▸ Сохранить копию как…), или попросите права на запись.</translation>
    </message>
    <message>
        <source>The disk is full: the last change was not saved.</source>
        <translation>Диск заполнен: последнее изменение не сохранено.</translation>
    </message>
    <message>
        <source>Free some space on the disk, then repeat the change. The plan itself is intact.</source>
        <translation>Освободите место на диске и повторите изменение. Сам план не пострадал.</translation>
    </message>
    <message>
        <source>This plan is open in another window.</source>
        <translation>Этот план открыт в другом окне.</translation>
    </message>
    <message>
        <source>It is held by {holder}. Close it there to edit it here.</source>
        <translation>Его держит {holder}. Закройте его там, чтобы редактировать здесь.</translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation>Файл не удалось прочитать или записать.</translation>
    </message>
    <message>
        <source>Check that the disk or network folder is available, then try again.</source>
        <translation>Проверьте, доступен ли диск или сетевая папка, и попробуйте снова.</translation>
    </message>
    <message>
        <source>This plan was made by an older version and must be upgraded.</source>
        <translation>Этот план создан более старой версией и должен быть обновлён.</translation>
    </message>
    <message>
        <source>It can be upgraded only when it can be written: close it in other windows and make sure its folder is writable.</source>
        <translation>Обновить его можно, только если в него можно записывать: закройте его в других окнах и убедитесь, что папка доступна для записи.</translation>
    </message>
    <message>
        <source>This plan could not be upgraded to the current format.</source>
        <translation>Этот план не удалось обновить до текущего формата.</translation>
    </message>
    <message>
        <source>The plan was not changed; a backup was made before the attempt. You can restore it with File ▸ Restore from backup….</source>
        <translation>План не изменён; перед попыткой сделана резервная копия. Её можно восстановить через Файл ▸ Восстановить из резервной копии….</translation>
    </message>
    <message>
        <source>Read-only: this plan is open elsewhere ({holder}).</source>
        <translation>Только чтение: план открыт в другом месте ({holder}).</translation>
    </message>
    <message>
        <source>Read-only: this file or its folder cannot be written.</source>
        <translation>Только чтение: в этот файл или его папку нельзя записывать.</translation>
    </message>
    <message>
        <source>automatic, on opening</source>
        <translation>автоматически, при открытии</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>перед обновлением</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>перед восстановлением</translation>
    </message>
    <message>
        <source>Threat “{text}” has no answer in the strategy.</source>
        <translation>На угрозу «{text}» в стратегии нет ответа.</translation>
    </message>
    <message>
        <source>Strength “{text}” is not used by any option or goal.</source>
        <translation>Сильная сторона «{text}» не используется ни в варианте, ни в цели.</translation>
    </message>
    <message>
        <source>The plan has no goals yet.</source>
        <translation>В плане пока нет целей.</translation>
    </message>
    <message>
        <source>Goal “{title}” is not SMART: {letters}.</source>
        <translation>Цель «{title}» не SMART: {letters}.</translation>
    </message>
    <message>
        <source>No action serves goal “{title}”.</source>
        <translation>Ни одно действие не служит цели «{title}».</translation>
    </message>
    <message>
        <source>Goal “{title}” is off track: {progress} done where {expected} was expected.</source>
        <translation>Цель «{title}» отстаёт: выполнено {progress}, а ожидалось {expected}.</translation>
    </message>
    <message>
        <source>Action “{title}” has no owner.</source>
        <translation>У действия «{title}» нет ответственного.</translation>
    </message>
    <message>
        <source>Action “{title}” serves no goal.</source>
        <translation>Действие «{title}» не служит ни одной цели.</translation>
    </message>
    <message>
        <source>Action “{title}” has no start or due date.</source>
        <translation>У действия «{title}» нет даты начала или срока.</translation>
    </message>
    <message>
        <source>Action “{title}” has no budget.</source>
        <translation>У действия «{title}» нет бюджета.</translation>
    </message>
    <message>
        <source>Action “{title}” was due {due} and is not done ({days_late} days late).</source>
        <translation>Срок действия «{title}» — {due}, но оно не выполнено (просрочено на {days_late} дн.).</translation>
    </message>
    <message>
        <source>Test “{title}” ended {end} and still awaits a decision.</source>
        <translation>Тест «{title}» закончился {end} и всё ещё ждёт решения.</translation>
    </message>
    <message>
        <source>{person}, {week}: {planned_hours} h planned, capacity {capacity_hours} h.</source>
        <translation>{person}, {week}: запланировано {planned_hours} ч при ёмкости {capacity_hours} ч.</translation>
    </message>
    <message>
        <source>{person}, {week}: task “{description}” names no end product.</source>
        <translation>{person}, {week}: у задачи «{description}» нет конечного продукта.</translation>
    </message>
    <message>
        <source>{person}, {week}: the plan is not approved yet.</source>
        <translation>{person}, {week}: план ещё не утверждён.</translation>
    </message>
    <message>
        <source>{person}, {week}: the week is over but not closed.</source>
        <translation>{person}, {week}: неделя прошла, но не закрыта.</translation>
    </message>
    <message>
        <source>Expense “{title}” of {date} has no budget line for its month.</source>
        <translation>У расхода «{title}» от {date} нет строки бюджета на его месяц.</translation>
    </message>
    <message>
        <source>Money on “{title}” is spent with no control point watching it.</source>
        <translation>Деньги на «{title}» тратятся без точки контроля.</translation>
    </message>
    <message>
        <source>A control point names nobody to do the checking.</source>
        <translation>В точке контроля не указано, кто проверяет.</translation>
    </message>
    <message>
        <source>Spending is over the limit of a control point.</source>
        <translation>Расходы превышают лимит точки контроля.</translation>
    </message>
    <message>
        <source>A control check was due {next_due} ({days_late} days ago).</source>
        <translation>Проверка должна была пройти {next_due} ({days_late} дн. назад).</translation>
    </message>
    <message>
        <source>The plan does not say how often reports are made.</source>
        <translation>В плане не сказано, как часто делаются отчёты.</translation>
    </message>
    <message>
        <source>The plan does not say who makes the reports.</source>
        <translation>В плане не сказано, кто делает отчёты.</translation>
    </message>
    <message>
        <source>The plan does not say who reads the reports.</source>
        <translation>В плане не сказано, кто читает отчёты.</translation>
    </message>
    <message>
        <source>The plan does not say who changes the activities because of the reports.</source>
        <translation>В плане не сказано, кто меняет действия по итогам отчётов.</translation>
    </message>
    <message>
        <source>One check could not be run; see the log.</source>
        <translation>Одну проверку не удалось выполнить; см. журнал.</translation>
    </message>
    <message>
        <source>Add a strategic option or a goal that answers it.</source>
        <translation>Добавьте стратегический вариант или цель, которые отвечают на неё.</translation>
    </message>
    <message>
        <source>Pair it with an opportunity or link it to a goal.</source>
        <translation>Свяжите её с возможностью или с целью.</translation>
    </message>
    <message>
        <source>Add a measurable goal on the Goals page.</source>
        <translation>Добавьте измеримую цель на странице «Цели».</translation>
    </message>
    <message>
        <source>Name the metric the goal is measured by.</source>
        <translation>Назовите метрику, по которой измеряется цель.</translation>
    </message>
    <message>
        <source>Set the baseline and the target.</source>
        <translation>Задайте исходное и целевое значения.</translation>
    </message>
    <message>
        <source>Check that the target is achievable.</source>
        <translation>Проверьте, что цель достижима.</translation>
    </message>
    <message>
        <source>Link the goal to a SWOT item or the mission.</source>
        <translation>Свяжите цель с пунктом SWOT или с миссией.</translation>
    </message>
    <message>
        <source>Set a deadline.</source>
        <translation>Задайте срок.</translation>
    </message>
    <message>
        <source>Add an action for it in the tactical plan.</source>
        <translation>Добавьте для неё действие в тактическом плане.</translation>
    </message>
    <message>
        <source>Review the actions that serve it.</source>
        <translation>Пересмотрите действия, которые ей служат.</translation>
    </message>
    <message>
        <source>Choose who is responsible.</source>
        <translation>Выберите ответственного.</translation>
    </message>
    <message>
        <source>Choose the goal it serves.</source>
        <translation>Выберите цель, которой оно служит.</translation>
    </message>
    <message>
        <source>Set the start and due dates.</source>
        <translation>Задайте даты начала и окончания.</translation>
    </message>
    <message>
        <source>Set its budget (zero if it costs nothing).</source>
        <translation>Задайте бюджет (ноль, если действие ничего не стоит).</translation>
    </message>
    <message>
        <source>Mark it done, or move its due date.</source>
        <translation>Отметьте его выполненным или перенесите срок.</translation>
    </message>
    <message>
        <source>Decide: scale, continue or stop.</source>
        <translation>Решите: масштабировать, продолжить или остановить.</translation>
    </message>
    <message>
        <source>Move or drop tasks of that week.</source>
        <translation>Перенесите или уберите задачи этой недели.</translation>
    </message>
    <message>
        <source>Describe the checkable result of the task.</source>
        <translation>Опишите проверяемый результат задачи.</translation>
    </message>
    <message>
        <source>Review and approve the weekly plan.</source>
        <translation>Проверьте и утвердите недельный план.</translation>
    </message>
    <message>
        <source>Fill in the actuals and close the week.</source>
        <translation>Внесите факт и закройте неделю.</translation>
    </message>
    <message>
        <source>Add a budget line for that month.</source>
        <translation>Добавьте строку бюджета на этот месяц.</translation>
    </message>
    <message>
        <source>Add a control point with a limit.</source>
        <translation>Добавьте точку контроля с лимитом.</translation>
    </message>
    <message>
        <source>Choose who checks it.</source>
        <translation>Выберите, кто её проверяет.</translation>
    </message>
    <message>
        <source>Review the spending and the limit.</source>
        <translation>Пересмотрите расходы и лимит.</translation>
    </message>
    <message>
        <source>Do the check and record it.</source>
        <translation>Проведите проверку и запишите её.</translation>
    </message>
    <message>
        <source>Set how often reports are made.</source>
        <translation>Задайте, как часто делаются отчёты.</translation>
    </message>
    <message>
        <source>Name who makes the reports.</source>
        <translation>Назовите, кто делает отчёты.</translation>
    </message>
    <message>
        <source>Name who reads the reports.</source>
        <translation>Назовите, кто читает отчёты.</translation>
    </message>
    <message>
        <source>Name who acts on the reports.</source>
        <translation>Назовите, кто действует по отчётам.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Совет</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Анализ</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message>
        <source>Tactics</source>
        <translation>Тактика</translation>
    </message>
    <message>
        <source>Weekly work</source>
        <translation>Недельная работа</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Контроль</translation>
    </message>
    <message>
        <source>week {week}</source>
        <translation>неделя {week}</translation>
    </message>
</context>
</TS>
