-- End-to-end: a real Neovim, the plugin on the runtime path, the real server.
--
--   nvim --headless -u NONE -i NONE -l editors/nvim/test/e2e.lua path/to/copydesk
--
-- Opens a draft with an unattributed quotation and a name spelled two ways, and
-- checks what a reporter would see: both diagnostics at their lines, the speaker in
-- a hover, the spelling fix applied by its code action, diagnostics that follow the
-- edits, the quote sheet and :checkhealth. Then a second draft that names its
-- source material in front matter (fixture/sourced: pier.md and notes/pier.vtt):
-- a quotation with a word the transcript lacks (quote-not-in-source, its related
-- information at the transcript's passage, the hover with both versions, the
-- quick fix that puts the transcript's words in), one credited to someone the
-- transcript does not give it to (quote-speaker-mismatch), and the quote sheet's
-- source lines. Any failed expectation raises, so nvim exits non-zero.

local bin = assert(arg[1], "usage: e2e.lua PATH-TO-COPYDESK")
local here = vim.fs.dirname(vim.fs.normalize(debug.getinfo(1, "S").source:sub(2)))
vim.opt.rtp:prepend(vim.fs.dirname(here))
vim.cmd("filetype on")

local TIMEOUT = 20000

local function check(cond, what)
  if not cond then
    error("FAILED: " .. what, 0)
  end
  print("ok - " .. what)
end

-- The draft is copied out of the repository: the test edits it.
local dir = vim.fn.tempname()
vim.fn.mkdir(dir, "p")
vim.fn.writefile(vim.fn.readfile(here .. "/fixture/draft.md"), dir .. "/draft.md")
vim.fn.writefile({ "# house style for this test" }, dir .. "/copydesk.toml")

-- COPYDESK_E2E_MODE picks the way in:
--   setup    require("copydesk").setup(), through Neovim 0.11's registry;
--   legacy   the same with the registry hidden, so the plugin takes the path it
--            takes on 0.9 and 0.10 (vim.lsp.start per buffer);
--   runtime  nothing but vim.lsp.enable("copydesk"): the runtime file
--            lsp/copydesk.lua, with the binary found on PATH as `copydesk`.
local mode = os.getenv("COPYDESK_E2E_MODE") or "setup"
if mode == "legacy" then
  vim.lsp.config, vim.lsp.enable = nil, nil
  print("ok - running the Neovim 0.9/0.10 path (vim.lsp.start)")
  require("copydesk").setup({ cmd = { bin, "lsp" }, settings = { debounceMs = 0 } })
elseif mode == "runtime" then
  check(vim.fs.basename(bin) == "copydesk", "the binary is named copydesk, as the runtime file runs it")
  vim.env.PATH = vim.fs.dirname(bin) .. ":" .. vim.env.PATH
  check(vim.fn.exepath("copydesk") == bin, "copydesk on PATH is the binary under test")
  vim.lsp.enable("copydesk")
  print("ok - the whole set-up is vim.lsp.enable('copydesk')")
else
  require("copydesk").setup({ cmd = { bin, "lsp" }, settings = { debounceMs = 0 } })
end
vim.cmd("edit " .. vim.fn.fnameescape(dir .. "/draft.md"))
local buf = vim.api.nvim_get_current_buf()
check(vim.bo[buf].filetype == "markdown", "the draft opens as markdown")

--- The copydesk client attached to `b`, waiting for it to attach.
local function client_of(b)
  local found
  vim.wait(TIMEOUT, function()
    found = vim.lsp.get_clients({ bufnr = b, name = "copydesk" })[1]
    return found ~= nil
  end, 20)
  return found
end

local client = client_of(buf)
check(client ~= nil, "the copydesk server attaches to the draft")
check(client.config.root_dir == dir, "the root is the folder holding copydesk.toml")

--- The rules flagged in a buffer (the draft unless told), as "rule@line" (1-based lines).
local function flagged(b)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(b or buf)) do
    out[d.code .. "@" .. (d.lnum + 1)] = d
  end
  return out
end

local function wait_for(pred, what, b)
  local ok = vim.wait(TIMEOUT, function()
    return pred(flagged(b))
  end, 20)
  if not ok then
    print(vim.inspect(vim.tbl_keys(flagged(b))))
  end
  check(ok, what)
end

--- The text of the hover at a position (0-based line and UTF-16 character).
local function hover_at(b, line, character)
  local hover = vim.lsp.buf_request_sync(b, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(b) },
    position = { line = line, character = character },
  }, TIMEOUT)
  local text = ""
  for _, r in pairs(hover or {}) do
    local contents = r.result and r.result.contents
    if type(contents) == "table" then
      text = text .. (contents.value or vim.inspect(contents))
    elseif type(contents) == "string" then
      text = text .. contents
    end
  end
  return text
end

--- The first code action for a diagnostic whose title passes `pick`.
local function action_for(b, diagnostic, pick)
  local actions = vim.lsp.buf_request_sync(b, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(b) },
    range = diagnostic.user_data.lsp.range,
    context = { diagnostics = { diagnostic.user_data.lsp } },
  }, TIMEOUT)
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.edit and pick(a.title) then
        return a
      end
    end
  end
  local titles = {}
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      titles[#titles + 1] = a.title
    end
  end
  print("code actions offered: " .. vim.inspect(titles))
end

wait_for(function(f)
  return f["unattributed-quote@9"] ~= nil and f["name-spelling@11"] ~= nil
end, "unattributed-quote on line 9 and name-spelling on line 11")

-- Hover over the attributed quotation on line 5: the speaker card names him.
local hover_text = hover_at(buf, 4, 4)
check(hover_text:find("Daniel Okafor", 1, true) ~= nil, "the hover on the quotation names Daniel Okafor")

-- The spelling fix, applied as a code action.
local spelling = flagged()["name-spelling@11"]
local fix = action_for(buf, spelling, function(title)
  return title:find("Okafor", 1, true) ~= nil
end)
check(fix ~= nil, "a code action offers the story's spelling")
vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
check(not text:find("Okafur", 1, true) and select(2, text:gsub("Okafor", "")) == 3,
  "the buffer now spells the name one way")
wait_for(function(f)
  return f["name-spelling@11"] == nil and f["unattributed-quote@9"] ~= nil
end, "the spelling warning goes once the fix is applied")

-- Attribute the quotation, and add a new unattributed one further down.
vim.api.nvim_buf_set_lines(buf, 8, 9, false, { "“Nobody asked the residents what they wanted,” said Okafor." })
vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "", "“This is not over.”" })
vim.api.nvim_win_set_cursor(0, { 1, 0 })
wait_for(function(f)
  return f["unattributed-quote@9"] == nil and f["unattributed-quote@13"] ~= nil
end, "diagnostics follow the edits: line 9 attributed, the new quotation on line 13 flagged")

-- :CopydeskQuoteSheet (plugin/copydesk.lua) opens the quote sheet beside the draft.
vim.cmd("runtime plugin/copydesk.lua")
vim.env.PATH = vim.fs.dirname(bin) .. ":" .. vim.env.PATH
vim.cmd("CopydeskQuoteSheet")
local sheet = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
check(vim.api.nvim_get_current_buf() ~= buf and #vim.api.nvim_tabpage_list_wins(0) == 2,
  ":CopydeskQuoteSheet opens a window beside the draft")
check(sheet:find("Quote sheet: draft.md", 1, true) and sheet:find("Quotations", 1, true)
  and sheet:find("Daniel Okafor", 1, true) and sheet:find("UNATTRIBUTED", 1, true),
  "the quote sheet lists the quotations with their speakers")
check(sheet:find("unsaved changes", 1, true) ~= nil, "the quote sheet says the draft has unsaved changes")
vim.cmd("close")
check(vim.api.nvim_get_current_buf() == buf, "closing the sheet goes back to the draft")

-- :checkhealth copydesk names the binary and the config above the draft.
vim.env.PATH = vim.fs.dirname(bin) .. ":" .. vim.env.PATH
require("copydesk").options.cmd = { vim.fs.basename(bin), "lsp" }
if mode == "runtime" then
  check(client.config.cmd[1] == "copydesk", "the server was started as `copydesk lsp`, from the runtime file")
end
vim.cmd("checkhealth copydesk")
local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
check(report:find("OK copydesk %d+%.%d+") ~= nil, ":checkhealth copydesk reports the binary and its version")
check(report:find("config: " .. dir .. "/copydesk.toml", 1, true) ~= nil,
  ":checkhealth copydesk reports the copydesk.toml it found")

-- A draft that names its source material in its front matter (sources:
-- [notes/pier.vtt]): each quotation is checked against the transcript. The
-- transcript has "May" where the draft has "April" in the first quotation, and
-- gives the second to Marta Quill where the draft credits Tomas Reyes; the third
-- is in it word for word.
local sourced = dir .. "/sourced"
vim.fn.mkdir(sourced .. "/notes", "p")
for _, name in ipairs({ "pier.md", "notes/pier.vtt" }) do
  vim.fn.writefile(vim.fn.readfile(here .. "/fixture/sourced/" .. name), sourced .. "/" .. name)
end
local vtt = sourced .. "/notes/pier.vtt"
vim.cmd("hide edit " .. vim.fn.fnameescape(sourced .. "/pier.md"))
local sbuf = vim.api.nvim_get_current_buf()
check(vim.bo[sbuf].filetype == "markdown", "the draft with sources opens as markdown")
local sclient = client_of(sbuf)
check(sclient ~= nil, "the copydesk server attaches to the draft with sources")

wait_for(function(f)
  return f["quote-not-in-source@7"] ~= nil and f["quote-speaker-mismatch@9"] ~= nil
end, "quote-not-in-source on line 7 and quote-speaker-mismatch on line 9", sbuf)
local sf = flagged(sbuf)
local source_rules = {}
for key in pairs(sf) do
  if key:find("^quote%-") then
    source_rules[#source_rules + 1] = key
  end
end
table.sort(source_rules)
check(vim.deep_equal(source_rules, { "quote-not-in-source@7", "quote-speaker-mismatch@9" }),
  "only those two quotations are flagged against the source (the third is in it word for word): "
    .. table.concat(source_rules, ", "))

local missing = sf["quote-not-in-source@7"]
check(missing.message:find("is not in the sources as quoted", 1, true) ~= nil
    and missing.message:find("notes/pier.vtt:4 (00:00:03)", 1, true) ~= nil
    and missing.message:find("has 8 of its 9 words", 1, true) ~= nil,
  "the quote-not-in-source message names the closest passage: " .. missing.message)
local related = (missing.user_data.lsp.relatedInformation or {})[1]
check(related ~= nil and related.location.uri == vim.uri_from_fname(vtt),
  "its related information points at the transcript: " .. vim.inspect(related and related.location.uri))
local r = related.location.range
local vtt_lines = vim.fn.readfile(vtt)
check(r.start.line == 3 and r["end"].line == 3
    and vtt_lines[4]:sub(r.start.character + 1, r["end"].character) == "The pier reopens on the first Saturday of May",
  "the related range is the transcript's passage")

local mismatch = sf["quote-speaker-mismatch@9"]
check(mismatch.message:find("credited to Tomas Reyes", 1, true) ~= nil
    and mismatch.message:find("gives these words to Marta Quill", 1, true) ~= nil,
  "quote-speaker-mismatch says the transcript gives the words to Marta Quill: " .. mismatch.message)

local card = hover_at(sbuf, 6, 4)
check(card:find("Not in the sources as quoted", 1, true) ~= nil
    and card:find("~~April~~", 1, true) ~= nil and card:find("**May**", 1, true) ~= nil,
  "the hover on the quotation says it is not in the sources as quoted, April struck for May")
card = hover_at(sbuf, 10, 4)
check(card:find("In the sources", 1, true) ~= nil and card:find("Not in the sources", 1, true) == nil,
  "the hover on the third quotation says it is in the sources")

-- The quote sheet of the saved draft gives each quotation its passage.
vim.cmd("CopydeskQuoteSheet")
sheet = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
check(sheet:find("Quote sheet: pier.md", 1, true) ~= nil
    and sheet:find("source: " .. vtt .. ":4 (00:00:03) (close: 8 of 9 words)", 1, true) ~= nil
    and sheet:find("source: " .. vtt .. ":7 (00:00:08)", 1, true) ~= nil,
  "the quote sheet gives each quotation its source passage")
vim.cmd("close")
check(vim.api.nvim_get_current_buf() == sbuf, "closing the sheet goes back to the draft with sources")

local use_words = action_for(sbuf, missing, function(title)
  return vim.startswith(title, "Use the words of ")
end)
check(use_words ~= nil and use_words.title:find("pier.vtt:4 (00:00:03)", 1, true) ~= nil,
  "a code action offers the transcript's words: " .. vim.inspect(use_words and use_words.title))
vim.lsp.util.apply_workspace_edit(use_words.edit, sclient.offset_encoding)
check(vim.api.nvim_buf_get_lines(sbuf, 6, 7, false)[1] == "“The pier reopens on the first Saturday of May,” Marta Quill said.",
  "the fixed quotation holds the transcript's words")
wait_for(function(f)
  return f["quote-not-in-source@7"] == nil and f["quote-speaker-mismatch@9"] ~= nil
end, "quote-not-in-source goes once the fix is applied; the speaker mismatch stays", sbuf)

vim.lsp.stop_client(client.id)
print("all checks passed")
vim.cmd("qa!")
