--- copydesk for Neovim: starts `copydesk lsp` for Markdown and plain-text drafts.
---
--- On Neovim 0.11+ `vim.lsp.enable("copydesk")` is enough (lsp/copydesk.lua); this
--- module adds `:checkhealth copydesk`, the quote sheet (`:CopydeskQuoteSheet`,
--- plugin/copydesk.lua), and set-up for Neovim 0.9 and 0.10:
---
--- require("copydesk").setup({ cmd = { "copydesk", "lsp" }, settings = { … } })
--- Both keys are optional. `settings` is what the server reads under `copydesk`
--- through workspace/configuration (rules, languages, debounceMs).
local M = {}

--- The server's defaults come from the runtime file beside this plugin, so that
--- `vim.lsp.enable("copydesk")` alone and `setup()` start the same server.
local function server_defaults()
  local this = debug.getinfo(1, "S").source:sub(2) -- …/lua/copydesk/init.lua
  local plugin = vim.fs.dirname(vim.fs.dirname(vim.fs.dirname(this)))
  return dofile(plugin .. "/lsp/copydesk.lua")
end

local server = server_defaults()
M.defaults = {
  cmd = server.cmd,
  filetypes = server.filetypes,
  root_markers = server.root_markers,
  settings = server.settings.copydesk,
}

--- The options in force after `setup`, for `:checkhealth copydesk`.
M.options = vim.deepcopy(M.defaults)

--- The folder a draft belongs to: the nearest copydesk.toml or .git above it, else
--- the draft's own folder, so a lone file still gets a server.
local function root_for(path, markers)
  local found = vim.fs.find(markers, { upward = true, path = vim.fs.dirname(path) })[1]
  return vim.fs.dirname(found or path)
end

local function client_config(opts)
  return {
    name = "copydesk",
    cmd = opts.cmd,
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    settings = { copydesk = opts.settings },
  }
end

function M.setup(opts)
  opts = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  M.options = opts
  local config = client_config(opts)
  if vim.lsp.config and vim.lsp.enable then
    -- Neovim 0.11+: the built-in configuration registry.
    vim.lsp.config("copydesk", config)
    vim.lsp.enable("copydesk")
    return
  end
  -- Neovim 0.9 and 0.10: start (or reuse) a client for each matching buffer.
  vim.api.nvim_create_autocmd("FileType", {
    group = vim.api.nvim_create_augroup("copydesk", { clear = true }),
    pattern = opts.filetypes,
    callback = function(args)
      -- Drafts only: not help, scratch or other special buffers.
      if vim.bo[args.buf].buftype ~= "" then
        return
      end
      local path = vim.api.nvim_buf_get_name(args.buf)
      if path == "" then
        path = vim.fn.getcwd() .. "/untitled"
      end
      vim.lsp.start({
        name = config.name,
        cmd = config.cmd,
        root_dir = root_for(path, opts.root_markers),
        settings = config.settings,
      }, { bufnr = args.buf })
    end,
  })
end

--- The command the server is started with: Neovim 0.11's configuration for
--- copydesk (lsp/copydesk.lua with any vim.lsp.config on top), else the plugin's.
function M.server_cmd()
  if vim.lsp.config then
    local ok, config = pcall(function()
      return vim.lsp.config.copydesk
    end)
    if ok and config and type(config.cmd) == "table" and type(config.cmd[1]) == "string" then
      return config.cmd
    end
  end
  return M.options.cmd
end

--- The quote sheet of a draft (`copydesk speakers`: every quotation with its
--- speaker, every person with titles, mentions and spellings) in a read-only
--- scratch buffer split beside it. A saved draft is read from disk, as a file of
--- its kind (Markdown or text), with a note when the buffer has unsaved changes;
--- an unnamed buffer is fed on standard input. Returns the sheet's buffer, or nil
--- and a message.
function M.quote_sheet(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local exe = M.server_cmd()[1]
  local path = vim.api.nvim_buf_get_name(bufnr)
  local on_disk = path ~= "" and vim.fn.filereadable(path) == 1
  local cmd = { exe, "speakers", on_disk and path or "-" }
  if not on_disk then
    -- Standard input takes its house style from the current folder; the draft's is wanted.
    local config = vim.fs.find("copydesk.toml", { upward = true, path = vim.fn.getcwd() })[1]
    if config then
      vim.list_extend(cmd, { "--config", config })
    end
  end
  local input = not on_disk and table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") .. "\n" or nil
  local output = vim.fn.system(cmd, input)
  if vim.v.shell_error ~= 0 then
    local message = "copydesk speakers failed: " .. vim.trim(output)
    vim.notify(message, vim.log.levels.ERROR)
    return nil, message
  end
  local name = on_disk and vim.fn.fnamemodify(path, ":t") or "[No Name]"
  local lines = { "Quote sheet: " .. name, "" }
  if on_disk and vim.bo[bufnr].modified then
    vim.list_extend(lines, { "The draft has unsaved changes; this sheet is of the saved file.", "" })
  end
  vim.list_extend(lines, vim.split(output, "\n", { plain = true, trimempty = true }))
  vim.cmd("vsplit")
  local sheet = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_win_set_buf(0, sheet)
  vim.api.nvim_buf_set_lines(sheet, 0, -1, false, lines)
  vim.bo[sheet].bufhidden = "wipe"
  vim.bo[sheet].modifiable = false
  pcall(vim.api.nvim_buf_set_name, sheet, "copydesk://quote-sheet/" .. name)
  return sheet
end

return M
