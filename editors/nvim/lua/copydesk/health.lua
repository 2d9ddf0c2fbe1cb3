--- :checkhealth copydesk — is the server there, which version, which config.
local M = {}

--- The command the server is started with: Neovim 0.11's configuration for
--- copydesk (lsp/copydesk.lua with any vim.lsp.config on top), else the plugin's.
local function server_cmd()
  if vim.lsp.config then
    local ok, config = pcall(function()
      return vim.lsp.config.copydesk
    end)
    if ok and config and type(config.cmd) == "table" and type(config.cmd[1]) == "string" then
      return config.cmd
    end
  end
  return require("copydesk").options.cmd
end

function M.check()
  local health = vim.health
  health.start("copydesk")
  local exe = server_cmd()[1]
  if vim.fn.executable(exe) ~= 1 then
    health.error(
      ("`%s` not found"):format(exe),
      { "Install it with `pipx install copydesk` (or `uv tool install copydesk`, `:MasonInstall copydesk`,",
        "`cargo install --locked copydesk`), or give its full path:",
        "vim.lsp.config('copydesk', { cmd = { '/path/to/copydesk', 'lsp' } })" }
    )
  else
    local version = vim.trim(vim.fn.system({ exe, "--version" }))
    if vim.v.shell_error == 0 then
      health.ok(("%s (%s)"):format(version, vim.fn.exepath(exe)))
    else
      health.warn(("`%s --version` failed: %s"):format(exe, version))
    end
  end
  -- The health report is a buffer of its own: start from the draft behind it, if
  -- any, else from the working directory.
  local draft = vim.fn.expand("#:p")
  local start = vim.fn.filereadable(draft) == 1 and vim.fs.dirname(draft) or vim.fn.getcwd()
  local config = vim.fs.find("copydesk.toml", { upward = true, path = start })[1]
  if config then
    health.ok("config: " .. config)
  else
    health.info("no copydesk.toml above " .. start .. " (defaults in force)")
  end
end

return M
