--- copydesk for Neovim: starts `copydesk lsp` for Markdown and plain-text drafts.
---
--- On Neovim 0.11+ `vim.lsp.enable("copydesk")` is enough (lsp/copydesk.lua); this
--- module adds `:checkhealth copydesk`, and set-up for Neovim 0.9 and 0.10:
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

return M
