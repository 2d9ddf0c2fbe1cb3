-- End-to-end: a real Neovim, the plugin on the runtime path, the real server.
--
--   nvim --headless -u NONE -i NONE -l editors/nvim/test/e2e.lua path/to/copydesk
--
-- Opens a draft with an unattributed quotation and a name spelled two ways, and
-- checks what a reporter would see: both diagnostics at their lines, the speaker in
-- a hover, the spelling fix applied by its code action, diagnostics that follow the
-- edits, the quote sheet and :checkhealth. Any failed expectation raises, so nvim
-- exits non-zero.

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

local client
vim.wait(TIMEOUT, function()
  client = vim.lsp.get_clients({ bufnr = buf, name = "copydesk" })[1]
  return client ~= nil
end, 20)
check(client ~= nil, "the copydesk server attaches to the draft")
check(client.config.root_dir == dir, "the root is the folder holding copydesk.toml")

--- The rules flagged in the buffer, as "rule@line" (1-based lines).
local function flagged()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out[d.code .. "@" .. (d.lnum + 1)] = d
  end
  return out
end

local function wait_for(pred, what)
  local ok = vim.wait(TIMEOUT, function()
    return pred(flagged())
  end, 20)
  if not ok then
    print(vim.inspect(vim.tbl_keys(flagged())))
  end
  check(ok, what)
end

wait_for(function(f)
  return f["unattributed-quote@9"] ~= nil and f["name-spelling@11"] ~= nil
end, "unattributed-quote on line 9 and name-spelling on line 11")

-- Hover over the attributed quotation on line 5: the speaker card names him.
local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 4, character = 4 },
}, TIMEOUT)
local hover_text = ""
for _, r in pairs(hover or {}) do
  local contents = r.result and r.result.contents
  if type(contents) == "table" then
    hover_text = hover_text .. (contents.value or vim.inspect(contents))
  elseif type(contents) == "string" then
    hover_text = hover_text .. contents
  end
end
check(hover_text:find("Daniel Okafor", 1, true) ~= nil, "the hover on the quotation names Daniel Okafor")

-- The spelling fix, applied as a code action.
local spelling = flagged()["name-spelling@11"]
local actions = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = spelling.user_data.lsp.range,
  context = { diagnostics = { spelling.user_data.lsp } },
}, TIMEOUT)
local fix
for _, r in pairs(actions or {}) do
  for _, a in ipairs(r.result or {}) do
    if a.edit and a.title:find("Okafor", 1, true) and not fix then
      fix = a
    end
  end
end
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

vim.lsp.stop_client(client.id)
print("all checks passed")
vim.cmd("qa!")
