import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentSession } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never bounce a signed-in user to another origin.
  const target = safeCallbackPath(callbackUrl);
  if (await currentSession()) redirect(target);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">Staff sign-in</h1>
      <LoginForm callbackUrl={target} />
    </div>
  );
}
